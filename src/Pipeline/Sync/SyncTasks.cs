using System.Reflection;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Sync.Activities;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Pipeline.Sync;

/// <summary>
/// Every durable task of the sync, each defined once: the field's name is the task's name in the task hub (kept in
/// running instances' history, so a rename is a breaking change), its type says which class runs it with which input
/// and output. Both hosts register what is listed here (<see cref="Orchestrations"/>, <see cref="Activities"/>), the
/// orchestrators call the activities through these fields, and the Functions app has one trigger function per task
/// (the isolated worker indexes only <c>[Function]</c> methods; a test fails when one is missing).
/// </summary>
public static class SyncTasks
{
    public static readonly DurableOrchestration<SyncOrderOrchestrator, SyncOrderInput, SyncOrderResult> SyncOrder = new(nameof(SyncOrder));
    public static readonly DurableOrchestration<SyncBatchOrchestrator, SyncBatchInput, SyncBatchResult> SyncBatch = new(nameof(SyncBatch));

    public static readonly DurableActivity<PrepareOrderActivity, OrderKey, PreparedOrder> PrepareOrder = new(nameof(PrepareOrder));
    public static readonly DurableActivity<CheckStockActivity, ErpSalesOrder, StockCheckResult> CheckStock = new(nameof(CheckStock));
    public static readonly DurableActivity<WriteErpActivity, ErpSalesOrder, ErpWriteOutcome> WriteErp = new(nameof(WriteErp));
    public static readonly DurableActivity<ReverseErpActivity, ReverseRequest, ErpWriteOutcome> ReverseErp = new(nameof(ReverseErp));
    public static readonly DurableActivity<WriteBackActivity, WriteBackRequest, bool> WriteBack = new(nameof(WriteBack));
    public static readonly DurableActivity<SendAlertActivity, AlertRequest, bool> SendAlert = new(nameof(SendAlert));
    public static readonly DurableActivity<PrepareBatchActivity, PrepareBatchRequest, PreparedBatch> PrepareBatch = new(nameof(PrepareBatch));
    public static readonly DurableActivity<WriteErpBatchActivity, WriteErpBatchRequest, IReadOnlyList<BatchWriteOutcome>> WriteErpBatch = new(nameof(WriteErpBatch));
    public static readonly DurableActivity<WriteBackBatchActivity, WriteBackBatchRequest, bool> WriteBackBatch = new(nameof(WriteBackBatch));

    public static IReadOnlyList<IDurableTask> Orchestrations { get; } = Defined(typeof(DurableOrchestration<,,>));

    public static IReadOnlyList<IDurableTask> Activities { get; } = Defined(typeof(DurableActivity<,,>));

    public static IEnumerable<IDurableTask> All => Orchestrations.Concat(Activities);

    private static IReadOnlyList<IDurableTask> Defined(Type kind) =>
        typeof(SyncTasks).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType.IsGenericType && f.FieldType.GetGenericTypeDefinition() == kind)
            .Select(f => (IDurableTask)f.GetValue(null)!)
            .ToList();
}
