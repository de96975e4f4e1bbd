using Microsoft.DurableTask;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Activities;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Functions.Sync;

/// <summary>
/// One trigger function per durable task of <see cref="SyncTasks"/>, each running the task's class through its
/// definition. The isolated worker indexes only <c>[Function]</c> methods (class-based tasks would need the Durable Task
/// source generators), so these stay; their names, input and output come from the definitions, and a test fails when a
/// defined task has no function here or one that does not match it.
/// </summary>
public sealed class SyncTaskFunctions(IServiceProvider services)
{
    [Function(nameof(SyncTasks.SyncOrder))]
    public Task<SyncOrderResult> SyncOrderAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SyncTasks.SyncOrder.RunAsync(context, services);

    [Function(nameof(SyncTasks.SyncBatch))]
    public Task<SyncBatchResult> SyncBatchAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        SyncTasks.SyncBatch.RunAsync(context, services);

    [Function(nameof(SyncTasks.PrepareOrder))]
    public Task<PreparedOrder> PrepareOrderAsync([ActivityTrigger] OrderKey input, FunctionContext context) =>
        SyncTasks.PrepareOrder.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.CheckStock))]
    public Task<StockCheckResult> CheckStockAsync([ActivityTrigger] ErpSalesOrder input, FunctionContext context) =>
        SyncTasks.CheckStock.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.WriteErp))]
    public Task<ErpWriteOutcome> WriteErpAsync([ActivityTrigger] ErpSalesOrder input, FunctionContext context) =>
        SyncTasks.WriteErp.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.ReverseErp))]
    public Task<ErpWriteOutcome> ReverseErpAsync([ActivityTrigger] ReverseRequest input, FunctionContext context) =>
        SyncTasks.ReverseErp.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.WriteBack))]
    public Task<bool> WriteBackAsync([ActivityTrigger] WriteBackRequest input, FunctionContext context) =>
        SyncTasks.WriteBack.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.SendAlert))]
    public Task<bool> SendAlertAsync([ActivityTrigger] AlertRequest input, FunctionContext context) =>
        SyncTasks.SendAlert.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.PrepareBatch))]
    public Task<PreparedBatch> PrepareBatchAsync([ActivityTrigger] PrepareBatchRequest input, FunctionContext context) =>
        SyncTasks.PrepareBatch.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.WriteErpBatch))]
    public Task<IReadOnlyList<BatchWriteOutcome>> WriteErpBatchAsync([ActivityTrigger] WriteErpBatchRequest input, FunctionContext context) =>
        SyncTasks.WriteErpBatch.RunAsync(input, context, services);

    [Function(nameof(SyncTasks.WriteBackBatch))]
    public Task<bool> WriteBackBatchAsync([ActivityTrigger] WriteBackBatchRequest input, FunctionContext context) =>
        SyncTasks.WriteBackBatch.RunAsync(input, context, services);
}
