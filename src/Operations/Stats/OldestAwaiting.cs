using ServerlessSync.Pipeline.OpsConsole;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>A shop's oldest order awaiting shipment: since when it waits, and how many of that day's orders wait with it.</summary>
public sealed record AwaitingShop(string Platform, string ShopId, string OrderId, string? ErpOrderNumber, DateTimeOffset Since, string Day, int AwaitingThatDay);

/// <summary>Picks a shop's oldest order awaiting shipment among the orders of one business day.</summary>
public static class OldestAwaiting
{
    /// <summary>
    /// The order of <paramref name="orders"/> (one shop's, of <paramref name="day"/>) that awaits shipment longest, by its
    /// creation time on the platform; an order whose creation time was never recorded counts from the day's start (UTC+8),
    /// the earliest it can be. Null when none awaits.
    /// </summary>
    public static AwaitingShop? Of(string platform, string shopId, string day, IEnumerable<DayOrder> orders)
    {
        if (!StatsDay.TryParse(day, out var date))
        {
            throw new ArgumentException($"day '{day}' is not yyyy-MM-dd", nameof(day));
        }

        var start = StatsDay.Window(date).Start;
        var awaiting = orders.Where(o => o.AwaitingShipment).ToList();
        var oldest = awaiting
            .OrderBy(o => o.CreatedAt ?? start)
            .ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .FirstOrDefault();
        return oldest is null
            ? null
            : new AwaitingShop(platform, shopId, oldest.OrderId, oldest.ErpOrderNumber, oldest.CreatedAt ?? start, day, awaiting.Count);
    }
}
