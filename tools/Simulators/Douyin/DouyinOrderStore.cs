using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>The simulator's orders, in memory, safe for concurrent bursts and API calls.</summary>
public sealed class DouyinOrderStore
{
    /// <summary>Keeps a runaway burst from exhausting memory (an order is about 2 KB).</summary>
    public const int MaxOrders = 500_000;

    private readonly ConcurrentDictionary<string, DouyinSimOrder> orders = new(StringComparer.Ordinal);
    private readonly Lock randomGate = new();
    private readonly Random random;
    private readonly TimeProvider time;

    public DouyinOrderStore(DouyinSimulatorOptions options, TimeProvider time)
    {
        random = options.Seed is { } seed ? new Random(seed) : new Random();
        this.time = time;
        Ids = new DouyinIdSource(time);
    }

    public DouyinIdSource Ids { get; }

    /// <summary>logisticsAddMultiPack answers by <c>request_id</c>: a repeat gets the first answer and ships nothing (触发幂等).</summary>
    public ConcurrentDictionary<string, string> MultiPackAnswers { get; } = new(StringComparer.Ordinal);

    public int Count => orders.Count;

    /// <summary>Generates and stores <paramref name="count"/> orders; <paramref name="random"/> makes them reproducible.</summary>
    public IReadOnlyList<DouyinSimOrder> CreateOrders(int count, string? shopId = null, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (orders.Count + count > MaxOrders)
        {
            throw new InvalidOperationException($"The Douyin simulator holds at most {MaxOrders} orders.");
        }

        var created = new List<DouyinSimOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var order = random is null
                ? CreateWithSharedRandom(shopId ?? DemoCatalog.ShopId)
                : DouyinOrderGenerator.Create(random, Ids, shopId ?? DemoCatalog.ShopId, time.GetUtcNow());
            orders[order.OrderId] = order;
            created.Add(order);
        }

        return created;
    }

    /// <summary>Stores a hand-built order (tests use it for shapes the generator does not make).</summary>
    public void Put(DouyinSimOrder order) => orders[order.OrderId] = order;

    public DouyinSimOrder? Find(string orderId) => orders.GetValueOrDefault(orderId);

    public IReadOnlyList<DouyinSimOrder> List(string? shopId = null) =>
        orders.Values
            .Where(o => shopId is null || o.ShopId == shopId)
            .OrderBy(o => o.OrderId.Length)
            .ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .ToList();

    /// <summary>Moves an order to another <c>order_status</c>/<c>main_status</c>; null when the order is unknown.</summary>
    public DouyinSimOrder? SetStatus(string orderId, int orderStatus, int? mainStatus = null)
    {
        while (orders.TryGetValue(orderId, out var current))
        {
            var updated = current with
            {
                OrderStatus = orderStatus,
                MainStatus = mainStatus ?? orderStatus,
                UpdateTime = Math.Max(current.UpdateTime + 1, time.GetUtcNow().ToUnixTimeSeconds()),
            };
            if (orders.TryUpdate(orderId, updated, current))
            {
                return updated;
            }
        }

        return null;
    }

    /// <summary>Sets the seller note (and flag when given) as <c>order.addOrderRemark</c> does; null when the order is unknown.</summary>
    public DouyinSimOrder? SetRemark(string orderId, string remark, int? star)
    {
        while (orders.TryGetValue(orderId, out var current))
        {
            var updated = current with { SellerWords = remark, SellerRemarkStars = star ?? current.SellerRemarkStars };
            if (orders.TryUpdate(orderId, updated, current))
            {
                return updated;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds a parcel to a paid order as a delivery call does: the order moves to 部分发货 (101) or, once every unit has shipped,
    /// to 已发货 (3). Null with the reason when the order is unknown, not in a shippable status, or a sku order gets more
    /// units than it has left.
    /// </summary>
    public (DouyinSimOrder? Order, string? Refusal) Ship(string orderId, string companyCode, string trackingNo, IReadOnlyList<DouyinSimParcelItem>? items)
    {
        while (orders.TryGetValue(orderId, out var current))
        {
            if (current.OrderStatus is not (DouyinSimStatus.Paid or DouyinSimStatus.Preparing or DouyinSimStatus.PartlyShipped))
            {
                return (null, current.OrderStatus is DouyinSimStatus.Shipped or DouyinSimStatus.Completed ? "订单已发货，请勿重复发货" : "订单状态不允许发货");
            }

            var shipped = items ?? current.Lines.Select(l => new DouyinSimParcelItem(l.OrderId, l.ItemNum - current.ShippedOf(l.OrderId))).Where(i => i.Num > 0).ToList();
            if (shipped.FirstOrDefault(i => current.Lines.FirstOrDefault(l => l.OrderId == i.SkuOrderId) is not { } line || i.Num < 1 || i.Num > line.ItemNum - current.ShippedOf(line.OrderId)) is { } bad)
            {
                return (null, $"子订单 {bad.SkuOrderId} 发货数量不合法");
            }

            var now = Math.Max(current.UpdateTime + 1, time.GetUtcNow().ToUnixTimeSeconds());
            var parcel = new DouyinSimParcel($"{orderId}-{current.Parcels.Count + 1}", companyCode, trackingNo, now, shipped);
            var next = current with { Parcels = [.. current.Parcels, parcel], UpdateTime = now };
            var status = next.Lines.All(l => next.ShippedOf(l.OrderId) >= l.ItemNum) ? DouyinSimStatus.Shipped : DouyinSimStatus.PartlyShipped;
            next = next with { OrderStatus = status, MainStatus = status };
            if (orders.TryUpdate(orderId, next, current))
            {
                return (next, null);
            }
        }

        return (null, "订单不存在");
    }

    private DouyinSimOrder CreateWithSharedRandom(string shopId)
    {
        lock (randomGate)
        {
            return DouyinOrderGenerator.Create(random, Ids, shopId, time.GetUtcNow());
        }
    }
}
