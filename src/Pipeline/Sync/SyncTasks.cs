using ServerlessSync.Pipeline.Sync.Activities;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>The orchestration and activity classes by name, for hosts that register them by hand (LocalHost).</summary>
public static class SyncTasks
{
    public static readonly IReadOnlyDictionary<string, Type> Orchestrators = new Dictionary<string, Type>
    {
        [SyncTaskNames.SyncOrder] = typeof(SyncOrderOrchestrator),
        [SyncTaskNames.SyncBatch] = typeof(SyncBatchOrchestrator),
    };

    public static readonly IReadOnlyDictionary<string, Type> Activities = new Dictionary<string, Type>
    {
        [SyncTaskNames.PrepareOrder] = typeof(PrepareOrderActivity),
        [SyncTaskNames.CheckStock] = typeof(CheckStockActivity),
        [SyncTaskNames.WriteErp] = typeof(WriteErpActivity),
        [SyncTaskNames.ReverseErp] = typeof(ReverseErpActivity),
        [SyncTaskNames.WriteBack] = typeof(WriteBackActivity),
        [SyncTaskNames.SendAlert] = typeof(SendAlertActivity),
        [SyncTaskNames.PrepareBatch] = typeof(PrepareBatchActivity),
        [SyncTaskNames.WriteErpBatch] = typeof(WriteErpBatchActivity),
        [SyncTaskNames.WriteBackBatch] = typeof(WriteBackBatchActivity),
    };
}
