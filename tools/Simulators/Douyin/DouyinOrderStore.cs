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

    private DouyinSimOrder CreateWithSharedRandom(string shopId)
    {
        lock (randomGate)
        {
            return DouyinOrderGenerator.Create(random, Ids, shopId, time.GetUtcNow());
        }
    }
}
