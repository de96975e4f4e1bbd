using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>Derives an order's contribution from its ledger row (the truth about its state) and the sales facts of the order.</summary>
public static class ContributionBuilder
{
    public static OrderContribution Next(OrderContribution? previous, LedgerEntry entry, OrderSalesFacts? facts, DateTimeOffset now)
    {
        var platformStatus = entry.PlatformStatus;
        var paidNow = platformStatus is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed;
        var inErp = entry.Status is SyncStatus.Synced or SyncStatus.CancelledAfterErp || !string.IsNullOrEmpty(entry.ErpOrderNumber);
        // Past planning: a document was built. A failure with facts is an ERP failure; one without is a platform read failure.
        var onPlatform = (previous?.OnPlatform ?? false) || entry.Shipments.Any(s => s.State == ShipmentState.OnPlatform);
        var mapped = inErp || entry.Status is SyncStatus.PendingStock or SyncStatus.OnHold or SyncStatus.Received
            || (entry.Status == SyncStatus.Failed && facts is not null);

        return new OrderContribution
        {
            Day = previous?.Day ?? StatsDay.Of(facts?.CreatedAt ?? now),
            Platform = entry.Key.Platform,
            ShopId = entry.Key.ShopId,
            Status = entry.Status,
            Paid = (previous?.Paid ?? false) || paidNow,
            Mapped = (previous?.Mapped ?? false) || mapped,
            InErp = (previous?.InErp ?? false) || inErp,
            Shipped = (previous?.Shipped ?? false) || entry.Shipments.Count > 0,
            OnPlatform = onPlatform,
            AwaitingShipment = ((previous?.InErp ?? false) || inErp) && platformStatus == OrderStatus.Paid && !onPlatform,
            Cancelled = platformStatus == OrderStatus.Cancelled,
            Refunded = platformStatus == OrderStatus.Refunded,
            PaidFen = entry.PaidAmountFen,
            IsSale = paidNow,
            AnchorId = facts is null ? previous?.AnchorId : facts.AnchorId,
            AnchorName = facts is null ? previous?.AnchorName : facts.AnchorName,
            LiveRoomId = facts is null ? previous?.LiveRoomId : facts.LiveRoomId,
            Channel = facts is null ? previous?.Channel : facts.Channel,
            Lines = facts?.Lines ?? previous?.Lines ?? [],
            ErpLatencyMs = previous?.ErpLatencyMs ?? (inErp ? facts?.ErpWriteMs : null),
            LedgerUpdatedAt = entry.UpdatedAt,
        };
    }
}
