namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Values of <c>FDocumentStatus</c>.</summary>
public static class KingdeeDocumentStatus
{
    /// <summary>暂存 (draft).</summary>
    public const string Draft = "Z";

    /// <summary>创建: what Save leaves.</summary>
    public const string Created = "A";

    /// <summary>审核中: what Submit leaves.</summary>
    public const string Submitted = "B";

    /// <summary>已审核: what Audit leaves.</summary>
    public const string Audited = "C";

    /// <summary>重新审核: after UnAudit; needs Submit and Audit again.</summary>
    public const string Reaudit = "D";

    /// <summary>How far along the approval path a status is, for picking the most advanced of duplicate bills.</summary>
    public static int Progress(string status) => status switch
    {
        Audited => 4,
        Submitted => 3,
        Created or Reaudit => 2,
        Draft => 1,
        _ => 0,
    };
}
