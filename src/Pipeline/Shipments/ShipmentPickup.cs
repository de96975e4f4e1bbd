using ServerlessSync.Domain.Alerts;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Pull;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>What one pickup read from the ERP.</summary>
public sealed record ShipmentPickupResult(int Read, int Queued, int AlreadyKnown, int NotOurs, int Unreadable);

/// <summary>
/// Reads what the ERP shipped since its watermark (minus <see cref="ShipmentOptions.OverlapSeconds"/>, so the same document
/// may come back: level-triggered), finds each document's platform order through <see cref="ErpOrderIndex"/>, records it in
/// the ledger as pending and queues it for <see cref="ShipmentWriteBack"/>. A document already recorded is left alone, so a
/// shipment is queued once however often it is read. The watermark moves only after everything read was recorded. The
/// dashboard's "shipped" counter moves with the ledger (best effort here: the write-back counts the order again).
/// </summary>
public sealed partial class ShipmentPickup(
    IEnumerable<IErpShipmentSource> sources,
    IEnumerable<IErpConnector> connectors,
    WatermarkStore watermarks,
    ErpOrderIndex index,
    ShipmentQueue queue,
    OrderLedger ledger,
    IOrderCounts counts,
    AlertService alerts,
    IOptions<ShipmentOptions> options,
    TimeProvider clock,
    ILogger<ShipmentPickup> logger)
{
    /// <summary>The watermark row's "platform" column: shipments are read per ERP, not per shop.</summary>
    public const string WatermarkScope = "erp-shipments";

    public async Task<ShipmentPickupResult> RunAsync(CancellationToken cancellationToken)
    {
        var kinds = connectors.Select(c => c.Kind).ToHashSet(StringComparer.Ordinal);
        var source = sources.FirstOrDefault(s => kinds.Contains(s.Kind));
        if (source is null)
        {
            return new ShipmentPickupResult(0, 0, 0, 0, 0);
        }

        var settings = options.Value;
        var watermark = await watermarks.GetAsync(WatermarkScope, source.Kind, cancellationToken)
            ?? clock.GetUtcNow().AddMinutes(-settings.InitialLookbackMinutes);
        var page = await source.ListShippedSinceAsync(watermark.AddSeconds(-settings.OverlapSeconds), cancellationToken);
        var readable = new List<Domain.Erp.ErpShipment>();
        foreach (var shipment in page.Shipments)
        {
            if (shipment.Problems().ToList() is { Count: > 0 } problems)
            {
                var reason = string.Join("; ", problems);
                LogUnreadable(logger, source.Kind, reason);
                await alerts.RaiseAsync(AlertKind.ShipmentFailed, $"shipments:{source.Kind}", shipment.ShipmentNo, $"Outbound document skipped: {reason}", cancellationToken);
                continue;
            }

            readable.Add(shipment);
        }

        var orders = await index.FindAsync(readable.Select(s => s.ErpOrderNumber), cancellationToken);
        int queued = 0, known = 0;
        foreach (var shipment in readable)
        {
            if (!orders.TryGetValue(shipment.ErpOrderNumber, out var key))
            {
                continue;
            }

            if (await RecordAsync(key, shipment, cancellationToken))
            {
                queued++;
            }
            else
            {
                known++;
            }
        }

        if (page.NewestChange is { } newest && newest > watermark)
        {
            await watermarks.SetAsync(WatermarkScope, source.Kind, newest, cancellationToken);
        }

        var notOurs = readable.Count - queued - known;
        LogPicked(logger, source.Kind, page.Shipments.Count, queued, known, notOurs);
        return new ShipmentPickupResult(page.Shipments.Count, queued, known, notOurs, page.Shipments.Count - readable.Count);
    }

    /// <returns>True when the shipment was new and is now queued.</returns>
    private async Task<bool> RecordAsync(OrderKey key, Domain.Erp.ErpShipment shipment, CancellationToken cancellationToken)
    {
        var entry = await ledger.GetAsync(key, cancellationToken);
        if (entry is null || entry.Shipments.Any(s => s.ShipmentNo == shipment.ShipmentNo))
        {
            // Recorded before (queued, on the platform, waiting for its carrier, or given up): the queue or a person has it.
            return false;
        }

        var now = clock.GetUtcNow();
        // Queue first: were the ledger write lost after it, the next read finds the shipment unrecorded, the add is a no-op
        // and the ledger is written then; the other way round a lost queue row would leave a shipment recorded but never sent.
        await queue.AddAsync(key, shipment, now, cancellationToken);
        var recorded = await ledger.UpdateAsync(
            key,
            current =>
            {
                var row = current ?? entry;
                return row.Shipments.Any(s => s.ShipmentNo == shipment.ShipmentNo) ? row : row.WithShipment(ShipmentRecords.Pending(shipment, now));
            },
            cancellationToken);
        await counts.RecordAsync(recorded, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipments from {Erp}: {Read} read, {Queued} queued, {Known} known, {NotOurs} not written by the hub")]
    private static partial void LogPicked(ILogger logger, string erp, int read, int queued, int known, int notOurs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound document from {Erp} skipped: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string erp, string reason);
}
