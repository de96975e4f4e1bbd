using ServerlessSync.Domain.Alerts;
using ServerlessSync.Pipeline.Alerts;

namespace ServerlessSync.Pipeline.Intake;

public enum IntakeDeliveryOutcome
{
    /// <summary>Handled: the host deletes the message.</summary>
    Handled,

    /// <summary>Storage or the engine was unavailable: a copy was put back with a growing delay; the host deletes this one.</summary>
    BackedOff,

    /// <summary>The last try failed: the message is on the poison queue and people were alerted; the host deletes this one.</summary>
    Poisoned,
}

public sealed record IntakeDeliveryResult<T>(IntakeDeliveryOutcome Outcome, T? Handled);

/// <summary>
/// What becomes of one delivery of an intake message, on both hosts. A transient failure of storage or the orchestration
/// engine (<see cref="TransientInfrastructure"/>) does not use up one of the message's <see cref="IntakeOptions.MaxDequeueCount"/>
/// tries: a copy marked with its transient count (<see cref="IntakeRetryMark"/>) is put back with a delay that doubles each
/// time, so an outage of any length poisons nothing until <see cref="IntakeOptions.MaxTransientRetries"/>. Any other failure
/// propagates (the host retries the message) until the last try, which moves the message to the poison queue and raises an
/// <see cref="AlertKind.IntakePoisoned"/> alert; <see cref="IntakePoisonRedrive"/> puts it back.
/// </summary>
public sealed class IntakeDeliveryPolicy(IntakeQueue queue, AlertService alerts, IOptions<IntakeOptions> options, ILogger<IntakeDeliveryPolicy> logger)
{
    public const string AlertTarget = "intake:poison";

    /// <param name="dequeueCount">How many times the queue has handed this message out, this delivery included.</param>
    public async Task<IntakeDeliveryResult<T>> DeliverAsync<T>(string messageText, long dequeueCount, Func<string, CancellationToken, Task<T>> handle, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var transientTries = IntakeRetryMark.Read(messageText);
        try
        {
            return new IntakeDeliveryResult<T>(IntakeDeliveryOutcome.Handled, await handle(messageText, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (TransientInfrastructure.IsTransient(ex) && transientTries < o.MaxTransientRetries)
        {
            var tries = transientTries + 1;
            var delay = BackOff(o, tries);
            await queue.SendTextAsync(IntakeRetryMark.Write(messageText, tries), delay, cancellationToken);
            logger.LogWarning(ex, "Intake message put back for {Delay} after a transient failure of storage or the engine (transient try {Tries} of {Max})", delay, tries, o.MaxTransientRetries);
            return new IntakeDeliveryResult<T>(IntakeDeliveryOutcome.BackedOff, default);
        }
        catch (Exception ex) when (dequeueCount >= o.MaxDequeueCount)
        {
            await PoisonAsync(messageText, dequeueCount, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
            logger.LogError(ex, "Intake message moved to the poison queue after {Tries} tries", dequeueCount);
            return new IntakeDeliveryResult<T>(IntakeDeliveryOutcome.Poisoned, default);
        }
    }

    /// <summary>Moves a message to the poison queue and alerts (also for one whose earlier tries never finished, e.g. a worker died).</summary>
    public async Task PoisonAsync(string messageText, long tries, string cause, CancellationToken cancellationToken)
    {
        await queue.SendToPoisonAsync(messageText, cancellationToken);
        await AlertAsync(messageText, tries, cause, cancellationToken);
    }

    /// <summary>First delay, doubled per further try, capped.</summary>
    public static TimeSpan BackOff(IntakeOptions o, int tries)
    {
        var first = Math.Max(1, o.TransientRetryFirstDelaySeconds);
        var max = Math.Max(first, o.TransientRetryMaxDelaySeconds);
        var seconds = first * Math.Pow(2, Math.Min(tries - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, max));
    }

    private async Task AlertAsync(string messageText, long dequeueCount, string cause, CancellationToken cancellationToken)
    {
        string orders;
        try
        {
            var events = IntakeDelivery.Parse(messageText).Events;
            orders = $"{events.Select(e => e.Key.InstanceId).Distinct().Count()} order(s), first {events[0].Key.InstanceId}";
        }
        catch (FormatException)
        {
            orders = "an unreadable message";
        }

        var reason = $"{orders} moved to the intake poison queue after {dequeueCount} tries ({cause}). " +
                     $"Redrive once the cause is fixed: POST /api/{IntakePoisonRedrive.Route} or the console's \"Redrive poison queue\" button.";
        try
        {
            await alerts.RaiseAsync(AlertKind.IntakePoisoned, AlertTarget, orders, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The message is safe on the poison queue (the health check counts it); failing now would only poison it twice.
            logger.LogError(ex, "The alert for a poisoned intake message could not be raised");
        }
    }
}
