namespace ServerlessSync.Simulators.Tests.Core;

/// <summary>A clock that moves only when told, so rate and window tests need no waiting.</summary>
internal sealed class SteppedClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks;

    public SteppedClock()
        : this(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
