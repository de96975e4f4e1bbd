using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Activities;
using ServerlessSync.Pipeline.Sync.Batch;

namespace ServerlessSync.Functions.Sync;

/// <summary>
/// One activity function per SyncOrder and SyncBatch step, under the names the orchestrator calls (<see cref="SyncTaskNames"/>).
/// Each resolves the shared activity class from the invocation's services and runs it.
/// </summary>
public sealed class SyncActivityFunctions
{
    [Function(SyncTaskNames.PrepareOrder)]
    public Task<PreparedOrder> PrepareOrderAsync([ActivityTrigger] OrderKey input, FunctionContext context) =>
        Run<PrepareOrderActivity, OrderKey, PreparedOrder>(SyncTaskNames.PrepareOrder, input, context);

    [Function(SyncTaskNames.CheckStock)]
    public Task<StockCheckResult> CheckStockAsync([ActivityTrigger] ErpSalesOrder input, FunctionContext context) =>
        Run<CheckStockActivity, ErpSalesOrder, StockCheckResult>(SyncTaskNames.CheckStock, input, context);

    [Function(SyncTaskNames.WriteErp)]
    public Task<ErpWriteOutcome> WriteErpAsync([ActivityTrigger] ErpSalesOrder input, FunctionContext context) =>
        Run<WriteErpActivity, ErpSalesOrder, ErpWriteOutcome>(SyncTaskNames.WriteErp, input, context);

    [Function(SyncTaskNames.ReverseErp)]
    public Task<ErpWriteOutcome> ReverseErpAsync([ActivityTrigger] ReverseRequest input, FunctionContext context) =>
        Run<ReverseErpActivity, ReverseRequest, ErpWriteOutcome>(SyncTaskNames.ReverseErp, input, context);

    [Function(SyncTaskNames.WriteBack)]
    public Task<bool> WriteBackAsync([ActivityTrigger] WriteBackRequest input, FunctionContext context) =>
        Run<WriteBackActivity, WriteBackRequest, bool>(SyncTaskNames.WriteBack, input, context);

    [Function(SyncTaskNames.SendAlert)]
    public Task<bool> SendAlertAsync([ActivityTrigger] AlertRequest input, FunctionContext context) =>
        Run<SendAlertActivity, AlertRequest, bool>(SyncTaskNames.SendAlert, input, context);

    [Function(SyncTaskNames.PrepareBatch)]
    public Task<PreparedBatch> PrepareBatchAsync([ActivityTrigger] PrepareBatchRequest input, FunctionContext context) =>
        Run<PrepareBatchActivity, PrepareBatchRequest, PreparedBatch>(SyncTaskNames.PrepareBatch, input, context);

    [Function(SyncTaskNames.WriteErpBatch)]
    public Task<IReadOnlyList<BatchWriteOutcome>> WriteErpBatchAsync([ActivityTrigger] WriteErpBatchRequest input, FunctionContext context) =>
        Run<WriteErpBatchActivity, WriteErpBatchRequest, IReadOnlyList<BatchWriteOutcome>>(SyncTaskNames.WriteErpBatch, input, context);

    [Function(SyncTaskNames.WriteBackBatch)]
    public Task<bool> WriteBackBatchAsync([ActivityTrigger] WriteBackBatchRequest input, FunctionContext context) =>
        Run<WriteBackBatchActivity, WriteBackBatchRequest, bool>(SyncTaskNames.WriteBackBatch, input, context);

    private static Task<TOutput> Run<TActivity, TInput, TOutput>(string name, TInput input, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput> =>
        context.InstanceServices.GetRequiredService<TActivity>().RunAsync(FunctionActivityContext.For(name, context), input);
}
