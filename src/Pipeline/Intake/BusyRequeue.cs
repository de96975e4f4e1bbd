namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// Puts the event of an order that another run is writing back on the intake queue, alone and with a delay (never
/// dropped). The delay grows with the event's age (half of it, at least <see cref="IntakeOptions.BusyRetryDelaySeconds"/>,
/// at most a minute), so a long run is not polled every few seconds.
/// </summary>
public sealed class BusyRequeue(IntakeQueue queue, IOptions<IntakeOptions> options, TimeProvider clock, ILogger<BusyRequeue> logger)
{
    private static readonly TimeSpan MaxBusyDelay = TimeSpan.FromSeconds(60);

    /// <summary>Clocks of different workers may differ slightly; a run must begin this much after an event was accepted to cover it.</summary>
    public static readonly TimeSpan CoverMargin = TimeSpan.FromSeconds(2);

    /// <summary>Whether a run that began reading the order at <paramref name="runBegan"/> has seen the change this event reports.</summary>
    public static bool Covers(DateTimeOffset runBegan, IntakeMessage message) => runBegan > message.AcceptedAt + CoverMargin;

    public async Task PutBackAsync(IntakeMessage message, CancellationToken cancellationToken)
    {
        var minimum = TimeSpan.FromSeconds(options.Value.BusyRetryDelaySeconds);
        var age = clock.GetUtcNow() - message.AcceptedAt;
        var delay = TimeSpan.FromTicks(Math.Clamp(age.Ticks / 2, minimum.Ticks, Math.Max(minimum.Ticks, MaxBusyDelay.Ticks)));
        await queue.EnqueueAsync(message, delay, cancellationToken);
        logger.LogInformation("{InstanceId} is busy in another run; event {Event} put back for {Delay}", message.Key.InstanceId, message.Event, delay);
    }
}
