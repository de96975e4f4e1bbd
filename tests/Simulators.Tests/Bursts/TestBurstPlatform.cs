namespace ServerlessSync.Simulators.Tests.Bursts;

public sealed record TestPlan : BurstPlan
{
    public const string NowhereUrl = "http://127.0.0.1/never-called";

    public TestPlan() => WebhookUrl = NowhereUrl;
}

/// <summary>Push <see cref="Index"/> of an order; the platform's own order is 0, 1, 2, ...</summary>
public sealed record TestPush(string OrderId, int Index);

public sealed record TestRecord(string OrderId, int Index, bool IsDuplicate, bool Dropped, double LatencyMs, bool Acked) : IBurstPushRecord;

public sealed record TestResult : BurstResult<TestRecord>;

public sealed record TestSend(TestPush Push, bool IsDuplicate, TimeSpan At);

/// <summary>
/// A platform that sends nothing over the wire: each send waits <see cref="SendTime"/> and is logged, with how many sends
/// were in flight at once overall and within one order.
/// </summary>
public sealed class TestBurstPlatform : IBurstPlatform<TestPlan, string, TestPush, TestRecord>
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, byte> ordersSending = new();
    private readonly Lock inFlightLock = new();
    private int inFlight;

    public int PushesPerOrder { get; init; } = 2;

    public TimeSpan SendTime { get; init; }

    public Func<TestPush, bool> Acks { get; init; } = _ => true;

    public ConcurrentQueue<TestSend> Sends { get; } = new();

    public int MaxInFlight { get; private set; }

    public int OverlapsWithinAnOrder { get; private set; }

    /// <summary>The first number drawn from the random the burst handed to order creation.</summary>
    public int? OrderRandomDraw { get; private set; }

    public IReadOnlyList<string> CreateOrders(TestPlan plan, Random random)
    {
        OrderRandomDraw = random.Next();
        return Enumerable.Range(0, plan.Orders).Select(i => $"order-{i}").ToList();
    }

    public string OrderId(string order) => order;

    public IReadOnlyList<TestPush> Pushes(string order) => Enumerable.Range(0, PushesPerOrder).Select(i => new TestPush(order, i)).ToList();

    public TestRecord Dropped(TestPush push) => new(push.OrderId, push.Index, false, true, 0, false);

    public async Task<TestRecord> SendAsync(Uri webhook, TestPush push, bool isDuplicate, CancellationToken cancellationToken)
    {
        lock (inFlightLock)
        {
            MaxInFlight = Math.Max(MaxInFlight, ++inFlight);
            OverlapsWithinAnOrder += ordersSending.TryAdd(push.OrderId, 0) ? 0 : 1;
        }

        Sends.Enqueue(new TestSend(push, isDuplicate, clock.Elapsed));
        try
        {
            await Task.Delay(SendTime, cancellationToken);
        }
        finally
        {
            lock (inFlightLock)
            {
                inFlight--;
                ordersSending.TryRemove(push.OrderId, out _);
            }
        }

        return new TestRecord(push.OrderId, push.Index, isDuplicate, false, SendTime.TotalMilliseconds, Acks(push));
    }

    public BurstPlayer<TestPlan, string, TestPush, TestRecord, TestResult> Player() => new(this);
}
