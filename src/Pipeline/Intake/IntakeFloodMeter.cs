namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// Counts the events this process's webhooks accepted over the last second, so background work can give way to
/// acks while a live room floods the hub (<see cref="IntakeOptions.FloodEventsPerSecond"/>).
/// </summary>
public sealed class IntakeFloodMeter(TimeProvider clock)
{
    private const int SlotsPerSecond = 10;
    private readonly long[] slots = new long[SlotsPerSecond];
    private readonly long[] slotTicks = new long[SlotsPerSecond];
    private readonly object gate = new();

    public void Record(int events)
    {
        var tick = clock.GetUtcNow().ToUnixTimeMilliseconds() / (1000 / SlotsPerSecond);
        lock (gate)
        {
            var i = (int)(tick % SlotsPerSecond);
            if (slotTicks[i] != tick)
            {
                slotTicks[i] = tick;
                slots[i] = 0;
            }

            slots[i] += events;
        }
    }

    /// <summary>Events accepted in the last second (in 100 ms steps).</summary>
    public long EventsInLastSecond()
    {
        var tick = clock.GetUtcNow().ToUnixTimeMilliseconds() / (1000 / SlotsPerSecond);
        lock (gate)
        {
            long sum = 0;
            for (var i = 0; i < SlotsPerSecond; i++)
            {
                if (tick - slotTicks[i] < SlotsPerSecond)
                {
                    sum += slots[i];
                }
            }

            return sum;
        }
    }
}
