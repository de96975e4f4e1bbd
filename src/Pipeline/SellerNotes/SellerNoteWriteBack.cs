using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Domain.Platforms.SellerNotes;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.SellerNotes;

/// <summary>What one run of the seller-note queue did.</summary>
public sealed record SellerNoteRunResult(int Written, int AlreadyThere, int Skipped, int Failed);

/// <summary>
/// Works the <see cref="SellerNoteQueue"/>: for each due order, the shop's profile decides the text (or that none is
/// written); the order is read from the platform and <see cref="SellerNotePlan"/> decides what to send so a person's note
/// is kept and a retry never adds ours twice; the outcome goes to the ledger (<see cref="LedgerEntry.SellerNote"/>, not the
/// sync history). A failure only reschedules the note with a doubling wait; from <see cref="SellerNoteOptions.AlertAfterAttempts"/>
/// failures on it is alerted, after <see cref="SellerNoteOptions.MaxAttempts"/> it is given up. The order's sync is never touched.
/// Platforms are worked side by side, each at its own pace.
/// </summary>
public sealed partial class SellerNoteWriteBack(
    SellerNoteQueue queue,
    OrderLedger ledger,
    ProfileStore profiles,
    IEnumerable<IPlatformOrderClient> orderClients,
    IEnumerable<IPlatformSellerNoteWriter> writers,
    AlertService alerts,
    IOptions<SellerNoteOptions> options,
    TimeProvider clock,
    ILogger<SellerNoteWriteBack> logger)
{
    private static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(30);

    private enum Outcome { Written, AlreadyThere, Skipped, Failed }

    public async Task<SellerNoteRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await queue.ListDueAsync(clock.GetUtcNow(), settings.MaxPerRun, cancellationToken);
        var perPlatform = await Task.WhenAll(due.GroupBy(n => n.Key.Platform).Select(async group =>
        {
            var pace = new PlatformPace(settings.CallsPerSecondFor(group.Key), clock);
            var outcomes = new List<Outcome>();
            foreach (var note in group)
            {
                outcomes.Add(await WorkAsync(note, pace, cancellationToken));
            }

            return outcomes;
        }));
        var all = perPlatform.SelectMany(o => o).ToList();
        return new SellerNoteRunResult(
            all.Count(o => o == Outcome.Written), all.Count(o => o == Outcome.AlreadyThere), all.Count(o => o == Outcome.Skipped), all.Count(o => o == Outcome.Failed));
    }

    private async Task<Outcome> WorkAsync(PendingSellerNote note, PlatformPace pace, CancellationToken cancellationToken)
    {
        try
        {
            var (outcome, record) = await WriteAsync(note, pace, cancellationToken);
            await ledger.UpdateAsync(note.Key, current => (current ?? throw new InvalidOperationException($"{note.Key.InstanceId} has no ledger row.")).WithSellerNote(record, clock.GetUtcNow()), cancellationToken);
            await queue.RemoveAsync(note.Key, cancellationToken);
            LogDone(logger, note.Key.InstanceId, outcome.ToString());
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(note, ex, cancellationToken);
            return Outcome.Failed;
        }
    }

    private async Task<(Outcome Outcome, string Record)> WriteAsync(PendingSellerNote note, PlatformPace pace, CancellationToken cancellationToken)
    {
        var key = note.Key;
        var profile = await profiles.GetCachedAsync(key.Platform, key.ShopId, ProfileMaxAge, cancellationToken);
        var ours = (profile?.SellerNote ?? SellerNoteSetting.Default).TextFor(note.ErpOrderNumber);
        if (ours is null)
        {
            return (Outcome.Skipped, "Seller note not written: the shop's profile turns it off");
        }

        var writer = writers.FirstOrDefault(w => w.Platform == key.Platform)
            ?? throw new InvalidOperationException($"No seller-note writer is registered for {key.Platform}.");
        var client = orderClients.FirstOrDefault(c => c.Platform == key.Platform)
            ?? throw new InvalidOperationException($"No order client is registered for {key.Platform}.");

        await pace.WaitAsync(cancellationToken);
        var order = await client.GetOrderAsync(key, cancellationToken);
        var plan = SellerNotePlan.For(order.SellerNote, ours, writer.Limit);
        switch (plan.Step)
        {
            case SellerNoteStep.AlreadyThere:
                return (Outcome.AlreadyThere, $"Seller note on the platform carries \"{ours}\"");
            case SellerNoteStep.Skip:
                return (Outcome.Skipped, $"Seller note not written: {plan.Reason}");
            default:
                await pace.WaitAsync(cancellationToken);
                await writer.WriteAsync(key, order.SellerNote, plan.Text!, cancellationToken);
                return (Outcome.Written, $"Seller note on the platform carries \"{ours}\"");
        }
    }

    private async Task FailAsync(PendingSellerNote note, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var failures = note.Failures + 1;
        var reason = $"{error.GetType().Name}: {error.Message}";
        LogFailed(logger, note.Key.InstanceId, failures, error.GetType().Name);
        var target = $"seller-note:{note.Key.Platform}:{note.Key.ShopId}";
        if (failures >= settings.MaxAttempts)
        {
            var record = $"Seller note given up after {failures} tries: {reason}";
            await ledger.UpdateAsync(note.Key, current => current is null ? throw new InvalidOperationException($"{note.Key.InstanceId} has no ledger row.", error) : current.WithSellerNote(record, clock.GetUtcNow()), cancellationToken);
            await alerts.RaiseAsync(AlertKind.SellerNoteFailed, target, note.Key.InstanceId, record, cancellationToken);
            await queue.RemoveAsync(note.Key, cancellationToken);
            return;
        }

        await queue.RescheduleAsync(note with { Failures = failures, DueAt = clock.GetUtcNow() + settings.RetryDelay(failures), LastError = reason }, cancellationToken);
        if (failures >= settings.AlertAfterAttempts)
        {
            await alerts.RaiseAsync(AlertKind.SellerNoteFailed, target, note.Key.InstanceId, $"Seller note failed {failures} times, retried later: {reason}", cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seller note of {InstanceId}: {Outcome}")]
    private static partial void LogDone(ILogger logger, string instanceId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seller note of {InstanceId} failed (try {Failures}): {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string instanceId, int failures, string exceptionType);
}
