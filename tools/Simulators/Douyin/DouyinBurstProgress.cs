namespace ServerlessSync.Simulators.Douyin;

/// <summary>Live counters of a running burst, readable while it plays.</summary>
public sealed class DouyinBurstProgress
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

    public DouyinBurstResult? Result { get; private set; }

    internal void OrdersCreated(IReadOnlyList<string> ids) => orderIds = ids;

    internal void Record(DouyinPushRecord record)
    {
        if (record.Dropped)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        Interlocked.Increment(ref sent);
        Interlocked.Increment(ref record.Acked ? ref acked : ref failed);
    }

    internal void Finish(DouyinBurstResult? result, string? error)
    {
        Result = result;
        Error = error;
        Done = true;
    }
}
