namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// A token bucket over orchestration starts in this process (<see cref="IntakeOptions.MaxStartsPerSecond"/>, 0 = no
/// limit), so a flood that intake accepted at once reaches the Durable Task engine at a steady pace. The bucket holds
/// one second of starts; callers beyond it each reserve the next free slot and wait for it.
/// </summary>
public sealed class StartPacer(IOptions<IntakeOptions> options, TimeProvider clock)
{
    private readonly object gate = new();
    private double tokens = options.Value.MaxStartsPerSecond;
    private DateTimeOffset refilledAt = clock.GetUtcNow();

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        var delay = Reserve();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, clock, cancellationToken);
    }

    /// <summary>Takes one start's token and returns how long the caller has to wait for it.</summary>
    public TimeSpan Reserve()
    {
        var rate = options.Value.MaxStartsPerSecond;
        if (rate <= 0)
        {
            return TimeSpan.Zero;
        }

        lock (gate)
        {
            var now = clock.GetUtcNow();
            tokens = Math.Min(rate, tokens + ((now - refilledAt).TotalSeconds * rate));
            refilledAt = now;
            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / rate);
        }
    }
}
