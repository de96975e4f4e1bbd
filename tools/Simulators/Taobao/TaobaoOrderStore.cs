using System.Collections.Concurrent;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>The simulator's trades, in memory, safe for concurrent API calls and admin changes.</summary>
public sealed class TaobaoOrderStore
{
    /// <summary>Keeps a runaway client from exhausting memory (a trade is about 2 KB).</summary>
    public const int MaxOrders = 500_000;

    private readonly ConcurrentDictionary<string, TaobaoSimOrder> orders = new(StringComparer.Ordinal);
    private readonly Lock randomGate = new();
    private readonly Random random;
    private readonly TimeProvider time;
    private readonly TaobaoSimulatorOptions options;

    public TaobaoOrderStore(TaobaoSimulatorOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        random = options.Seed is { } seed ? new Random(seed) : new Random();
        Ids = new TaobaoIdSource(time);
    }

    public TaobaoIdSource Ids { get; }

    public int Count => orders.Count;

    /// <summary>
    /// Generates and stores <paramref name="count"/> paid trades. Without a range they were modified just now; with one,
    /// their <c>modified</c> times are spread evenly over it (tests and demos use past windows).
    /// </summary>
    public IReadOnlyList<TaobaoSimOrder> CreateOrders(
        int count, string? sellerNick = null, DateTimeOffset? modifiedFrom = null, DateTimeOffset? modifiedTo = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (orders.Count + count > MaxOrders)
        {
            throw new InvalidOperationException($"The Taobao simulator holds at most {MaxOrders} trades.");
        }

        var now = time.GetUtcNow();
        var from = modifiedFrom ?? now;
        var span = (modifiedTo ?? from) - from;
        if (span < TimeSpan.Zero)
        {
            throw new ArgumentException("modifiedTo is before modifiedFrom.", nameof(modifiedTo));
        }

        var created = new List<TaobaoSimOrder>(count);
        for (var i = 0; i < count; i++)
        {
            var modified = count == 1 ? from : from + (span * i / (count - 1));
            TaobaoSimOrder order;
            lock (randomGate)
            {
                order = TaobaoOrderGenerator.Create(random, Ids, sellerNick ?? options.SellerNick, modified);
            }

            orders[order.Tid] = order;
            created.Add(order);
        }

        return created;
    }

    /// <summary>Stores a hand-built trade (tests use it for shapes the generator does not make).</summary>
    public void Put(TaobaoSimOrder order) => orders[order.Tid] = order;

    public TaobaoSimOrder? Find(string tid) => orders.GetValueOrDefault(tid);

    /// <summary>The seller's trades, most recently modified first.</summary>
    public IReadOnlyList<TaobaoSimOrder> List(string? sellerNick = null) =>
        Sorted(orders.Values.Where(o => sellerNick is null || o.SellerNick == sellerNick));

    /// <summary>
    /// The trades <c>taobao.trades.sold.increment.get</c> lists for a window, both bounds inclusive, ordered by
    /// <c>modified</c> newest first (ties by tid, newest first).
    /// </summary>
    public IReadOnlyList<TaobaoSimOrder> Window(string sellerNick, DateTimeOffset start, DateTimeOffset end) =>
        Sorted(orders.Values.Where(o => o.SellerNick == sellerNick && o.Modified >= start && o.Modified <= end));

    /// <summary>Moves a trade to another TOP status; null when the trade is unknown.</summary>
    /// <exception cref="ArgumentException">Not a TOP trade status.</exception>
    public TaobaoSimOrder? SetStatus(string tid, string status)
    {
        if (!TaobaoSimStatus.All.Contains(status))
        {
            throw new ArgumentException($"'{status}' is not a TOP trade status.", nameof(status));
        }

        return Update(tid, (current, now) => current with
        {
            Status = status,
            ConsignTime = status is TaobaoSimStatus.WaitBuyerConfirmGoods or TaobaoSimStatus.SellerConsignedPart ? now : current.ConsignTime,
            EndTime = status is TaobaoSimStatus.TradeFinished or TaobaoSimStatus.TradeClosed or TaobaoSimStatus.TradeClosedByTaobao ? now : current.EndTime,
            Lines = status == TaobaoSimStatus.TradeClosed
                ? current.Lines.Select(l => l with { RefundStatus = "SUCCESS" }).ToList()
                : current.Lines,
        });
    }

    /// <summary>Changes the seller memo and flag (and <c>modified</c>, as any change of the trade does); null when the trade is unknown.</summary>
    public TaobaoSimOrder? SetMemo(string tid, Func<TaobaoSimOrder, TaobaoSimOrder> change) => Update(tid, (current, _) => change(current));

    /// <summary>
    /// Ships sub-orders as logistics.offline.send does (null: every sub-order not shipped yet): each gets the waybill and
    /// carrier, and the trade moves to SELLER_CONSIGNED_PART or, once all are shipped, WAIT_BUYER_CONFIRM_GOODS. Null with
    /// the reason when the trade is not waiting for shipping or a named sub-order is unknown or shipped already.
    /// </summary>
    public (TaobaoSimOrder? Trade, string? Refusal) Ship(string tid, string companyCode, string outSid, IReadOnlyCollection<string>? subOids)
    {
        string? refusal = null;
        var trade = Update(tid, (current, now) =>
        {
            var wanted = subOids ?? current.Lines.Where(l => l.InvoiceNo is null).Select(l => l.Oid).ToList();
            refusal = current.Status is not (TaobaoSimStatus.WaitSellerSendGoods or TaobaoSimStatus.SellerConsignedPart) ? "交易状态不允许发货"
                : wanted.Count == 0 ? "交易已发货"
                : wanted.FirstOrDefault(o => current.Lines.FirstOrDefault(l => l.Oid == o) is not { InvoiceNo: null }) is { } bad ? $"子订单 {bad} 不存在或已发货"
                : null;
            if (refusal is not null)
            {
                return current;
            }

            var lines = current.Lines.Select(l => wanted.Contains(l.Oid) ? l with { InvoiceNo = outSid, LogisticsCompany = companyCode } : l).ToList();
            return current with
            {
                Lines = lines,
                Status = lines.All(l => l.InvoiceNo is not null) ? TaobaoSimStatus.WaitBuyerConfirmGoods : TaobaoSimStatus.SellerConsignedPart,
                ConsignTime = current.ConsignTime ?? now,
            };
        });
        return trade is null ? (null, "交易不存在") : refusal is null ? (trade, null) : (null, refusal);
    }

    /// <summary>Modifies a trade without changing what it holds (a memo, an address...): only <c>modified</c> moves.</summary>
    public TaobaoSimOrder? Touch(string tid) => Update(tid, (current, _) => current);

    private TaobaoSimOrder? Update(string tid, Func<TaobaoSimOrder, DateTimeOffset, TaobaoSimOrder> change)
    {
        while (orders.TryGetValue(tid, out var current))
        {
            var now = TaobaoOrderGenerator.TruncateToSecond(time.GetUtcNow());
            var modified = now > current.Modified ? now : current.Modified.AddSeconds(1);
            var updated = change(current, now) with { Modified = modified };
            if (orders.TryUpdate(tid, updated, current))
            {
                return updated;
            }
        }

        return null;
    }

    private static List<TaobaoSimOrder> Sorted(IEnumerable<TaobaoSimOrder> trades) =>
        trades
            .OrderByDescending(o => o.Modified)
            .ThenByDescending(o => o.Tid.Length)
            .ThenByDescending(o => o.Tid, StringComparer.Ordinal)
            .ToList();
}
