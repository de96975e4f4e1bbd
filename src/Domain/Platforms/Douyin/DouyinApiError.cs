namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>A non-success open-API envelope <c>{log_id, code, msg, sub_code, sub_msg}</c>.</summary>
public sealed record DouyinApiError(long Code, string Msg, string? SubCode, string? SubMsg, string? LogId)
{
    public const long SuccessCode = 10000;

    /// <summary>服务不可用 (<c>dop.service-error</c>): the platform asks to retry later.</summary>
    public const long ServiceErrorCode = 20000;

    /// <summary>触发限流 (<c>isv.traffic-limited</c>).</summary>
    public const long ThrottledCode = 60000;

    public const string ThrottledSubCode = "isv.traffic-limited";

    public bool IsThrottled => Code == ThrottledCode || SubCode == ThrottledSubCode;

    /// <summary>Worth retrying: throttling or a platform-side service error. Everything else needs a change of request.</summary>
    public bool IsTransient => IsThrottled || Code == ServiceErrorCode;

    /// <summary>Code and sub-code only: the platform's message texts are not needed to diagnose and may echo input.</summary>
    public override string ToString() => $"code {Code}, sub_code {SubCode ?? "-"}, log_id {LogId ?? "-"}";
}
