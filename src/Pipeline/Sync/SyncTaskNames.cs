namespace ServerlessSync.Pipeline.Sync;

/// <summary>The names both hosts register the orchestration and its activities under.</summary>
public static class SyncTaskNames
{
    public const string SyncOrder = "SyncOrder";
    public const string PrepareOrder = "PrepareOrder";
    public const string CheckStock = "CheckStock";
    public const string WriteErp = "WriteErp";
    public const string ReverseErp = "ReverseErp";
    public const string WriteBack = "WriteBack";
    public const string SendAlert = "SendAlert";
    public const string SyncBatch = "SyncBatch";
    public const string PrepareBatch = "PrepareBatch";
    public const string WriteErpBatch = "WriteErpBatch";
    public const string WriteBackBatch = "WriteBackBatch";
}
