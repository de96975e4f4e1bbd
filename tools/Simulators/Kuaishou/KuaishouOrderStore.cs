using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>The simulator's orders, in memory, safe for concurrent bursts and API calls.</summary>
public sealed class KuaishouOrderStore
{
    /// <summary>Keeps a runaway burst from exhausting memory (an order is about 2 KB).</summary>
    public const int MaxOrders = 500_000;

    private readonly ConcurrentDictionary<string, KuaishouSimOrder> orders = new(StringComparer.Ordinal);
    private readonly Lock randomGate = new();
    private readonly Random random;
    private readonly TimeProvider time;
    private readonly KuaishouSimulatorOptions options;

    public KuaishouOrderStore(KuaishouSimulatorOptions options, TimeProvider time)
    {
        random = options.Seed is { } seed ? new Random(seed) : new Random();
        this.time = time;
        this.options = options;
        Ids = new KuaishouIdSource(time);
    }

    public KuaishouIdSource Ids { get; }

    public int Count => orders.Count;

    /// <summary>Generates and stores <paramref name="count"/> orders; <paramref name="random"/> makes them reproducible.</summary>
    public IReadOnlyList<KuaishouSimOrder> CreateOrders(int count, string? sellerId = null, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (orders.Count + count > MaxOrders)
        {
            throw new InvalidOperationException($"The Kuaishou simulator holds at most {MaxOrders} orders.");
        }

        var seller = sellerId ?? options.SellerId;
        var created = new List<KuaishouSimOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var order = random is null
                ? CreateWithSharedRandom(seller)
                : KuaishouOrderGenerator.Create(random, Ids, seller, time.GetUtcNow());
            orders[order.Oid] = order;
            created.Add(order);
        }

        return created;
    }

    /// <summary>Stores a hand-built order (tests use it for shapes the generator does not make).</summary>
    public void Put(KuaishouSimOrder order) => orders[order.Oid] = order;

    public KuaishouSimOrder? Find(string oid) => orders.GetValueOrDefault(oid);

    public IReadOnlyList<KuaishouSimOrder> List(string? sellerId = null) =>
        orders.Values
            .Where(o => sellerId is null || o.SellerId == sellerId)
            .OrderBy(o => o.Oid.Length)
            .ThenBy(o => o.Oid, StringComparer.Ordinal)
            .ToList();

    /// <summary>A seller's orders whose create (queryType 1) or update (queryType 2) time is in [begin, end], in list order.</summary>
    public IReadOnlyList<KuaishouSimOrder> Query(string sellerId, bool byUpdateTime, long beginMs, long endMs, bool ascending)
    {
        long Key(KuaishouSimOrder o) => byUpdateTime ? o.UpdateTime : o.CreateTime;
        var matching = orders.Values.Where(o => o.SellerId == sellerId && Key(o) >= beginMs && Key(o) <= endMs);
        var sorted = ascending
            ? matching.OrderBy(Key).ThenBy(o => long.Parse(o.Oid, System.Globalization.CultureInfo.InvariantCulture))
            : matching.OrderByDescending(Key).ThenByDescending(o => long.Parse(o.Oid, System.Globalization.CultureInfo.InvariantCulture));
        return sorted.ToList();
    }

    /// <summary>Moves an order to another <c>status</c> (optionally with a refund status); null when the order is unknown.</summary>
    public KuaishouSimOrder? SetStatus(string oid, int status, int? refundStatus = null)
    {
        while (orders.TryGetValue(oid, out var current))
        {
            var updated = current with
            {
                Status = status,
                RefundStatus = refundStatus ?? current.RefundStatus,
                RefundId = refundStatus is null ? current.RefundId : current.RefundId ?? Ids.Next(),
                UpdateTime = Math.Max(current.UpdateTime + 1, time.GetUtcNow().ToUnixTimeMilliseconds()),
            };
            if (orders.TryUpdate(oid, updated, current))
            {
                return updated;
            }
        }

        return null;
    }

    /// <summary>Adds a seller note as <c>open.seller.order.note.add</c> does (the earlier notes stay); null when the order is unknown.</summary>
    public KuaishouSimOrder? AddNote(string oid, string note, int flag, string operatorName)
    {
        while (orders.TryGetValue(oid, out var current))
        {
            var entry = new KuaishouSimNote(time.GetUtcNow().ToUnixTimeMilliseconds(), note, flag, operatorName);
            var updated = current with { Notes = [.. current.Notes, entry] };
            if (orders.TryUpdate(oid, updated, current))
            {
                return updated;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds a parcel as a delivery call does (null items: everything not shipped yet); the order moves to 已发货 (40) once
    /// every unit has shipped. Null with the reason when the order is not paid, shipped in full, or an order id gets more
    /// units than it has left.
    /// </summary>
    public (KuaishouSimOrder? Order, string? Refusal) Ship(string oid, long expressCode, string expressNo, IReadOnlyList<KuaishouSimParcelItem>? items)
    {
        while (orders.TryGetValue(oid, out var current))
        {
            if (current.Status != KuaishouSimStatus.Paid)
            {
                return (null, current.Status == KuaishouSimStatus.Shipped ? "订单已发货，不能重复发货" : "订单状态不允许发货");
            }

            var shipped = items ?? current.Shippable.Select(s => new KuaishouSimParcelItem(s.Oid, s.Num - current.ShippedOf(s.Oid))).Where(i => i.Num > 0).ToList();
            if (shipped.FirstOrDefault(i => current.Shippable.FirstOrDefault(x => x.Oid == i.Oid) is not { Oid: not null } entry || i.Num < 1 || i.Num > entry.Num - current.ShippedOf(i.Oid)) is { } bad)
            {
                return (null, $"子订单 {bad.Oid} 发货数量须大于等于1且小于等于剩余未发货的商品数");
            }

            var next = current with
            {
                Parcels = [.. current.Parcels, new KuaishouSimParcel(current.Parcels.Count + 1, expressCode, expressNo, shipped)],
                UpdateTime = Math.Max(current.UpdateTime + 1, time.GetUtcNow().ToUnixTimeMilliseconds()),
            };
            if (next.Shippable.All(s => next.ShippedOf(s.Oid) >= s.Num))
            {
                next = next with { Status = KuaishouSimStatus.Shipped };
            }

            if (orders.TryUpdate(oid, next, current))
            {
                return (next, null);
            }
        }

        return (null, "订单不存在");
    }

    private KuaishouSimOrder CreateWithSharedRandom(string sellerId)
    {
        lock (randomGate)
        {
            return KuaishouOrderGenerator.Create(random, Ids, sellerId, time.GetUtcNow());
        }
    }
}
