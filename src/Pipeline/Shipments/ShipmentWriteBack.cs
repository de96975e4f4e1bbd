using ServerlessSync.Domain.Alerts;
using ServerlessSync.Domain.Shipments;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.SellerNotes;
using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>What one run of the shipment queue did.</summary>
public sealed record ShipmentRunResult(int Sent, int AlreadyThere, int Quarantined, int Refused, int Failed);

/// <summary>
/// Works the <see cref="ShipmentQueue"/>: for each due shipment the platform order is read first; when it already carries
/// the waybill (an earlier try got through and its answer was lost) nothing is sent, so a retry never ships twice. Otherwise
/// <see cref="ShipmentPlan"/> maps the carrier through the shop's profile (unmapped: quarantined) and decides whole or
/// partial, and the platform's delivery API is called. The outcome goes to the ledger's shipments. A failure reschedules the
/// shipment with a doubling wait, alerts (ShipmentFailed) from <see cref="Platforms.PlatformWriteBackOptions.AlertAfterAttempts"/>
/// failures on, and gives it up after <see cref="Platforms.PlatformWriteBackOptions.MaxAttempts"/>. Platforms are worked side by side, each at its own pace.
/// Every outcome is counted in the dashboard's stats ("shipped", "tracking on platform") before the shipment leaves the
/// queue, so a counter that could not be written is written on the shipment's next try.
/// </summary>
public sealed partial class ShipmentWriteBack(
    ShipmentQueue queue,
    ShipmentQuarantine quarantine,
    OrderLedger ledger,
    IOrderCounts counts,
    ProfileStore profiles,
    IEnumerable<IPlatformOrderClient> orderClients,
    IEnumerable<IPlatformShipmentSender> senders,
    AlertService alerts,
    IOptions<ShipmentOptions> options,
    TimeProvider clock,
    ILogger<ShipmentWriteBack> logger)
{
    private static readonly TimeSpan ProfileMaxAge = TimeSpan.FromSeconds(30);

    private enum Outcome { Sent, AlreadyThere, Quarantined, Refused, Failed }

    public async Task<ShipmentRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await queue.ListDueAsync(clock.GetUtcNow(), settings.MaxPerRun, cancellationToken);
        var perPlatform = await Task.WhenAll(due.GroupBy(s => s.Key.Platform).Select(async group =>
        {
            var pace = new PlatformPace(settings.CallsPerSecondFor(group.Key), clock);
            var outcomes = new List<Outcome>();
            foreach (var pending in group)
            {
                outcomes.Add(await WorkAsync(pending, pace, cancellationToken));
            }

            return outcomes;
        }));
        var all = perPlatform.SelectMany(o => o).ToList();
        int Count(Outcome o) => all.Count(x => x == o);
        return new ShipmentRunResult(Count(Outcome.Sent), Count(Outcome.AlreadyThere), Count(Outcome.Quarantined), Count(Outcome.Refused), Count(Outcome.Failed));
    }

    private async Task<Outcome> WorkAsync(PendingShipment pending, PlatformPace pace, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await SendAsync(pending, pace, cancellationToken);
            LogDone(logger, pending.Key.InstanceId, pending.Shipment.ShipmentNo, outcome.ToString());
            return outcome;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(pending, ex, cancellationToken);
            return Outcome.Failed;
        }
    }

    private async Task<Outcome> SendAsync(PendingShipment pending, PlatformPace pace, CancellationToken cancellationToken)
    {
        var (key, shipment) = (pending.Key, pending.Shipment);
        var profile = await profiles.GetCachedAsync(key.Platform, key.ShopId, ProfileMaxAge, cancellationToken)
            ?? throw new InvalidOperationException($"{key.Platform}/{key.ShopId} has no mapping profile to map the carrier with.");
        var sender = senders.FirstOrDefault(s => s.Platform == key.Platform)
            ?? throw new InvalidOperationException($"No shipment sender is registered for {key.Platform}.");
        var client = orderClients.FirstOrDefault(c => c.Platform == key.Platform)
            ?? throw new InvalidOperationException($"No order client is registered for {key.Platform}.");

        await pace.WaitAsync(cancellationToken);
        var order = await client.GetOrderAsync(key, cancellationToken);
        var plan = ShipmentPlan.For(order, profile, shipment);
        var partial = plan.Step == ShipmentStep.Partial;
        switch (plan.Step)
        {
            case ShipmentStep.AlreadyOnPlatform:
                await FinishAsync(pending, ShipmentState.OnPlatform, null, false, $"the platform order carries waybill {shipment.TrackingNumber}", cancellationToken);
                return Outcome.AlreadyThere;
            case ShipmentStep.CarrierUnmapped:
                await quarantine.HoldAsync(pending, cancellationToken);
                await counts.CountAsync(await RecordAsync(pending, ShipmentState.CarrierUnmapped, null, false, plan.Reason!, cancellationToken), cancellationToken);
                return Outcome.Quarantined;
            case ShipmentStep.NothingToShip:
                await RefuseAsync(pending, plan.Reason!, cancellationToken);
                return Outcome.Refused;
            case ShipmentStep.Partial when !sender.SupportsPartial:
                await RefuseAsync(pending, $"outbound {shipment.ShipmentNo} ships part of the order and {key.Platform}'s delivery API ships whole orders only", cancellationToken);
                return Outcome.Refused;
        }

        await pace.WaitAsync(cancellationToken);
        var requestId = $"{key.OrderId}-{shipment.ShipmentNo}";
        await sender.SendAsync(new PlatformShipment(key, plan.PlatformCarrier!, shipment.TrackingNumber, partial ? plan.Lines : null, requestId), cancellationToken);
        var what = partial ? $"{plan.Lines.Sum(l => l.Quantity)} units of {plan.Lines.Count} lines" : "the whole order";
        await FinishAsync(pending, ShipmentState.OnPlatform, plan.PlatformCarrier, partial, $"sent to the platform: {what}, carrier {plan.PlatformCarrier}, waybill {shipment.TrackingNumber}", cancellationToken);
        return Outcome.Sent;
    }

    private async Task FinishAsync(PendingShipment pending, ShipmentState state, string? platformCarrier, bool partial, string note, CancellationToken cancellationToken)
    {
        await counts.CountAsync(await RecordAsync(pending, state, platformCarrier, partial, note, cancellationToken), cancellationToken);
        await queue.RemoveAsync(pending, cancellationToken);
    }

    private async Task RefuseAsync(PendingShipment pending, string reason, CancellationToken cancellationToken)
    {
        await FinishAsync(pending, ShipmentState.Failed, null, false, reason, cancellationToken);
        await alerts.RaiseAsync(AlertKind.ShipmentFailed, Target(pending.Key), pending.Key.InstanceId, reason, cancellationToken);
    }

    private Task<LedgerEntry> RecordAsync(PendingShipment pending, ShipmentState state, string? platformCarrier, bool partial, string note, CancellationToken cancellationToken) =>
        ledger.UpdateAsync(
            pending.Key,
            current => (current ?? throw new InvalidOperationException($"{pending.Key.InstanceId} has no ledger row."))
                .WithShipment(ShipmentRecords.Of(pending.Shipment, state, platformCarrier, partial, note, clock.GetUtcNow())),
            cancellationToken);

    private async Task FailAsync(PendingShipment pending, Exception error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var failures = pending.Failures + 1;
        var reason = $"{error.GetType().Name}: {error.Message}";
        LogFailed(logger, pending.Key.InstanceId, pending.Shipment.ShipmentNo, failures, error.GetType().Name);
        if (failures >= settings.MaxAttempts)
        {
            await RefuseAsync(pending, $"given up after {failures} tries: {reason}", cancellationToken);
            return;
        }

        await queue.SaveAsync(pending with { Failures = failures, DueAt = clock.GetUtcNow() + settings.RetryDelay(failures), LastError = reason }, cancellationToken);
        await RecordAsync(pending, ShipmentState.Pending, null, false, $"try {failures} failed, retried later: {reason}", cancellationToken);
        if (failures >= settings.AlertAfterAttempts)
        {
            await alerts.RaiseAsync(AlertKind.ShipmentFailed, Target(pending.Key), pending.Key.InstanceId, $"Shipment {pending.Shipment.ShipmentNo} failed {failures} times, retried later: {reason}", cancellationToken);
        }
    }

    private static string Target(OrderKey key) => $"shipment:{key.Platform}:{key.ShopId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipment {ShipmentNo} of {InstanceId}: {Outcome}")]
    private static partial void LogDone(ILogger logger, string instanceId, string shipmentNo, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipment {ShipmentNo} of {InstanceId} failed (try {Failures}): {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string instanceId, string shipmentNo, int failures, string exceptionType);
}
