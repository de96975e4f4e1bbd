namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Live counters of a running burst, readable while it plays.</summary>
public sealed class KuaishouBurstProgress
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

    public KuaishouBurstResult? Result { get; private set; }

    internal void OrdersCreated(IReadOnlyList<string> ids) => orderIds = ids;

    internal void Record(KuaishouPushRecord record)
    {
        if (record.Dropped)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        Interlocked.Increment(ref sent);
        Interlocked.Increment(ref record.Acked ? ref acked : ref failed);
    }

    internal void Finish(KuaishouBurstResult? result, string? error)
    {
        Result = result;
        Error = error;
        Done = true;
    }
}
