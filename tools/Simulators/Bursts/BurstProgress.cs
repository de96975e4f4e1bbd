namespace ServerlessSync.Simulators.Bursts;

/// <summary>Live counters of a running burst, readable while it plays.</summary>
public class BurstProgress<TResult>
    where TResult : BurstResult
{
    private int sent;
    private int acked;
    private int failed;
    private int dropped;
    private volatile IReadOnlyList<string> orderIds = [];

    public IReadOnlyList<string> OrderIds => orderIds;

    public int Created => orderIds.Count;

    public int Sent => Volatile.Read(ref sent);

    public int Acked => Volatile.Read(ref acked);

    public int Failed => Volatile.Read(ref failed);

    public int Dropped => Volatile.Read(ref dropped);

    public bool Done { get; private set; }

    public string? Error { get; private set; }

    public TResult? Result { get; private set; }

    internal void OrdersCreated(IReadOnlyList<string> ids) => orderIds = ids;

    internal void Record(IBurstPushRecord record)
    {
        if (record.Dropped)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        Interlocked.Increment(ref sent);
        Interlocked.Increment(ref record.Acked ? ref acked : ref failed);
    }

    internal void Finish(TResult? result, string? error)
    {
        Result = result;
        Error = error;
        Done = true;
    }
}
