using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>The simulator's orders, in memory, safe for concurrent bursts and API calls.</summary>
public sealed class WeChatOrderStore
{
    /// <summary>Keeps a runaway burst from exhausting memory (an order is about 2 KB).</summary>
    public const int MaxOrders = 500_000;

    private readonly ConcurrentDictionary<string, WeChatSimOrder> orders = new(StringComparer.Ordinal);
    private readonly Lock randomGate = new();
    private readonly Random random;
    private readonly TimeProvider time;

    public WeChatOrderStore(WeChatSimulatorOptions options, TimeProvider time)
    {
        random = options.Seed is { } seed ? new Random(seed) : new Random();
        this.time = time;
        Ids = new WeChatIdSource(time);
    }

    public WeChatIdSource Ids { get; }

    public int Count => orders.Count;

    /// <summary>Generates and stores <paramref name="count"/> orders; <paramref name="random"/> makes them reproducible.</summary>
    public IReadOnlyList<WeChatSimOrder> CreateOrders(int count, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (orders.Count + count > MaxOrders)
        {
            throw new InvalidOperationException($"The WeChat simulator holds at most {MaxOrders} orders.");
        }

        var created = new List<WeChatSimOrder>(count);
        for (var i = 0; i < count; i++)
        {
            WeChatSimOrder order;
            if (random is null)
            {
                lock (randomGate)
                {
                    order = WeChatOrderGenerator.Create(this.random, Ids, time.GetUtcNow());
                }
            }
            else
            {
                order = WeChatOrderGenerator.Create(random, Ids, time.GetUtcNow());
            }

            orders[order.OrderId] = order;
            created.Add(order);
        }

        return created;
    }

    /// <summary>Stores a hand-built order (tests use it for shapes the generator does not make).</summary>
    public void Put(WeChatSimOrder order) => orders[order.OrderId] = order;

    public WeChatSimOrder? Find(string orderId) => orders.GetValueOrDefault(orderId);

    public IReadOnlyList<WeChatSimOrder> List() =>
        orders.Values.OrderBy(o => o.OrderId.Length).ThenBy(o => o.OrderId, StringComparer.Ordinal).ToList();

    /// <summary>Orders whose times fall in the given inclusive ranges (either may be null), oldest update first.</summary>
    public IReadOnlyList<WeChatSimOrder> Query((long Start, long End)? updateRange, (long Start, long End)? createRange) =>
        orders.Values
            .Where(o => updateRange is not { } u || (o.UpdateTime >= u.Start && o.UpdateTime <= u.End))
            .Where(o => createRange is not { } c || (o.CreateTime >= c.Start && o.CreateTime <= c.End))
            .OrderBy(o => o.UpdateTime)
            .ThenBy(o => o.OrderId.Length)
            .ThenBy(o => o.OrderId, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Replaces the merchant notes as merchantnotes/update does, unless the last update is less than
    /// <paramref name="minInterval"/> ago; null when the order is unknown, <c>Updated = false</c> when it was too soon.
    /// </summary>
    public (WeChatSimOrder? Order, bool Updated) SetMerchantNotes(string orderId, string notes, TimeSpan minInterval)
    {
        while (orders.TryGetValue(orderId, out var current))
        {
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (current.MerchantNotesUpdatedAtMs != 0 && nowMs - current.MerchantNotesUpdatedAtMs < minInterval.TotalMilliseconds)
            {
                return (current, false);
            }

            var updated = current with { MerchantNotes = notes, MerchantNotesUpdatedAtMs = nowMs };
            if (orders.TryUpdate(orderId, updated, current))
            {
                return (updated, true);
            }
        }

        return (null, false);
    }

    /// <summary>
    /// Adds a parcel as delivery/send does (null items: every unit not shipped yet); the order moves to 21 (部分发货) or,
    /// once every unit has shipped, to 30 (待收货). Null with the reason when the order is not waiting for shipping or a
    /// line gets more units than it has left.
    /// </summary>
    public (WeChatSimOrder? Order, string? Refusal) Ship(string orderId, string deliveryId, string waybillId, IReadOnlyList<WeChatSimParcelItem>? items)
    {
        while (orders.TryGetValue(orderId, out var current))
        {
            if (current.Status is not (WeChatSimStatus.WaitShipping or WeChatSimStatus.PartlyShipped))
            {
                return (null, current.Status == WeChatSimStatus.Shipped ? "已经发货" : "订单状态不允许发货");
            }

            var shipped = items ?? current.Lines.Select(l => new WeChatSimParcelItem(l.ProductId, l.SkuId, l.SkuCnt - current.ShippedOf(l))).Where(i => i.Count > 0).ToList();
            if (shipped.FirstOrDefault(i => current.Lines.FirstOrDefault(l => l.ProductId == i.ProductId && l.SkuId == i.SkuId) is not { } line || i.Count < 1 || i.Count > line.SkuCnt - current.ShippedOf(line)) is { } bad)
            {
                return (null, $"商品 {bad.ProductId}/{bad.SkuId} 发货数量不合法");
            }

            var now = Math.Max(current.UpdateTime + 1, time.GetUtcNow().ToUnixTimeSeconds());
            var next = current with { Parcels = [.. current.Parcels, new WeChatSimParcel(deliveryId, waybillId, now, shipped)], UpdateTime = now };
            next = next with { Status = next.Lines.All(l => next.ShippedOf(l) >= l.SkuCnt) ? WeChatSimStatus.Shipped : WeChatSimStatus.PartlyShipped };
            if (orders.TryUpdate(orderId, next, current))
            {
                return (next, null);
            }
        }

        return (null, null);
    }

    /// <summary>Moves an order to another status (update time moves forward); null when the order is unknown.</summary>
    public WeChatSimOrder? SetStatus(string orderId, int status)
    {
        while (orders.TryGetValue(orderId, out var current))
        {
            var updated = current with
            {
                Status = status,
                UpdateTime = Math.Max(current.UpdateTime + 1, time.GetUtcNow().ToUnixTimeSeconds()),
                AfterSaleOrderId = status == WeChatSimStatus.AfterSaleCancelled ? current.AfterSaleOrderId ?? Ids.Next() : current.AfterSaleOrderId,
            };
            if (orders.TryUpdate(orderId, updated, current))
            {
                return updated;
            }
        }

        return null;
    }
}
