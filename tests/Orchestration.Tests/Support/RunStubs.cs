using ServerlessSync.Pipeline.Sync.Activities;

namespace ServerlessSync.Orchestration.Tests.Support;

/// <summary>
/// What the stub activities answer to one run (keyed by its instance id), and every call they saw. Each answer is the
/// test's own function of the input; an activity the test did not expect fails the call.
/// </summary>
public sealed class RunStubs
{
    private readonly ConcurrentQueue<(string Activity, object? Input)> calls = new();

    public Func<OrderKey, PreparedOrder> PrepareOrder { get; set; } = _ => throw Unexpected(SyncTasks.PrepareOrder);

    public Func<ErpSalesOrder, StockCheckResult> CheckStock { get; set; } = _ => new StockCheckResult([]);

    public Func<ErpSalesOrder, ErpWriteOutcome> WriteErp { get; set; } = _ => throw Unexpected(SyncTasks.WriteErp);

    public Func<ReverseRequest, ErpWriteOutcome> ReverseErp { get; set; } = _ => throw Unexpected(SyncTasks.ReverseErp);

    public Func<WriteBackRequest, bool> WriteBack { get; set; } = _ => true;

    public Func<AlertRequest, bool> SendAlert { get; set; } = _ => true;

    public Func<PrepareBatchRequest, PreparedBatch> PrepareBatch { get; set; } = _ => throw Unexpected(SyncTasks.PrepareBatch);

    public Func<WriteErpBatchRequest, IReadOnlyList<BatchWriteOutcome>> WriteErpBatch { get; set; } = _ => throw Unexpected(SyncTasks.WriteErpBatch);

    public Func<WriteBackBatchRequest, bool> WriteBackBatch { get; set; } = _ => true;

    /// <summary>The inputs <paramref name="activity"/> was called with, attempts included, in call order.</summary>
    public IReadOnlyList<TInput> Inputs<TActivity, TInput, TOutput>(DurableActivity<TActivity, TInput, TOutput> activity)
        where TActivity : Microsoft.DurableTask.TaskActivity<TInput, TOutput> =>
        calls.Where(c => c.Activity == activity.Name).Select(c => (TInput)c.Input!).ToList();

    /// <summary>The names of the activities called, in call order.</summary>
    public IReadOnlyList<string> Activities => calls.Select(c => c.Activity).ToList();

    internal TOutput Answer<TInput, TOutput>(string activity, TInput input, Func<TInput, TOutput> answer)
    {
        calls.Enqueue((activity, input));
        return answer(input);
    }

    private static InvalidOperationException Unexpected(IDurableTask activity) => new($"{activity.Name} was not expected in this run");
}
