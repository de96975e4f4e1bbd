using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>One counter row's additive values and its display labels (last writer wins for labels).</summary>
public sealed record CounterRow(IReadOnlyDictionary<string, long> Values, IReadOnlyDictionary<string, string> Labels);

/// <summary>
/// Projects a contribution onto counter rows (row key → values) and computes what changes between two contributions.
/// Values are added and subtracted, except <see cref="MaxPrefix"/> values, which only ever grow.
/// </summary>
public static class CounterRows
{
    public const string MaxPrefix = "Max";
    public const string StatusRowKey = "g|status";
    public const string OtherProduct = "(other)";

    /// <summary>The day total's count of orders in the ERP, paid and not shipped on the platform (<see cref="OrderContribution.AwaitingShipment"/>).</summary>
    public const string AwaitingShipment = "AwaitingShipment";

    /// <summary>A Tables transaction holds 100 operations: the marker, the fixed rows, and at most this many product rows.</summary>
    public const int MaxProductRows = 80;

    public static string DayPrefix(string day) => $"c|{day}|";

    public static string Row(string day, string dimension, string? key = null) =>
        key is null ? $"c|{day}|{dimension}" : $"c|{day}|{dimension}|{Storage.TableKeys.Sanitize(key)}";

    public static IReadOnlyDictionary<string, CounterRow> Of(OrderContribution? c)
    {
        var rows = new Dictionary<string, CounterRow>(StringComparer.Ordinal);
        if (c is null)
        {
            return rows;
        }

        var total = new Dictionary<string, long>
        {
            ["Received"] = 1,
            ["Paid"] = c.Paid ? 1 : 0,
            ["PaidFen"] = c.Paid ? c.PaidFen : 0,
            ["Mapped"] = c.Mapped ? 1 : 0,
            ["InErp"] = c.InErp ? 1 : 0,
            ["InErpFen"] = c.InErp ? c.PaidFen : 0,
            ["Shipped"] = c.Shipped ? 1 : 0,
            ["OnPlatform"] = c.OnPlatform ? 1 : 0,
            [AwaitingShipment] = c.AwaitingShipment ? 1 : 0,
            ["Cancelled"] = c.Cancelled ? 1 : 0,
            ["CancelledFen"] = c.Cancelled ? c.PaidFen : 0,
            ["Refunded"] = c.Refunded ? 1 : 0,
            ["RefundedFen"] = c.Refunded ? c.PaidFen : 0,
            ["SalesOrders"] = c.IsSale ? 1 : 0,
            ["SalesFen"] = c.IsSale ? c.PaidFen : 0,
        };
        if (c.ErpLatencyMs is { } ms)
        {
            total["LatencyCount"] = 1;
            total["LatencySumMs"] = ms;
            total[LatencyBuckets.PropertyName(LatencyBuckets.Of(ms))] = 1;
            total[MaxPrefix + "LatencyMs"] = ms;
        }

        rows[Row(c.Day, "total")] = new CounterRow(total, Empty);
        rows[StatusRowKey] = new CounterRow(new Dictionary<string, long> { [c.Status.ToString()] = 1 }, Empty);
        if (!c.IsSale)
        {
            return rows;
        }

        var sale = new Dictionary<string, long> { ["Orders"] = 1, ["Fen"] = c.PaidFen };
        rows[Row(c.Day, "anchor", c.AnchorId ?? "-")] = new CounterRow(sale, Label("Name", c.AnchorName));
        rows[Row(c.Day, "room", c.LiveRoomId ?? "-")] = new CounterRow(sale, Label("Anchor", c.AnchorName));
        rows[Row(c.Day, "channel", c.Channel ?? "-")] = new CounterRow(sale, Empty);
        rows[Row(c.Day, "platform", c.Platform)] = new CounterRow(sale, Empty);
        rows[Row(c.Day, "shop", $"{c.Platform}:{c.ShopId}")] = new CounterRow(sale, Empty);

        var products = c.Lines.GroupBy(l => l.ProductKey).ToList();
        var kept = products.Take(MaxProductRows - 1).ToList();
        var folded = products.Skip(MaxProductRows - 1).SelectMany(g => g).ToList();
        foreach (var group in kept)
        {
            rows[Row(c.Day, "product", group.Key)] = Product(group.ToList(), group.First().Title);
        }

        if (folded.Count > 0)
        {
            rows[Row(c.Day, "product", OtherProduct)] = Product(folded, OtherProduct);
        }

        return rows;
    }

    /// <summary>Rows whose values or labels differ, with the change to apply to each value.</summary>
    public static IReadOnlyDictionary<string, CounterRow> Delta(IReadOnlyDictionary<string, CounterRow> before, IReadOnlyDictionary<string, CounterRow> after)
    {
        var delta = new Dictionary<string, CounterRow>(StringComparer.Ordinal);
        foreach (var key in before.Keys.Union(after.Keys))
        {
            before.TryGetValue(key, out var old);
            after.TryGetValue(key, out var now);
            var values = new Dictionary<string, long>();
            foreach (var name in (old?.Values.Keys ?? []).Union(now?.Values.Keys ?? []))
            {
                var o = old?.Values.GetValueOrDefault(name) ?? 0;
                var n = now?.Values.GetValueOrDefault(name) ?? 0;
                var change = name.StartsWith(MaxPrefix, StringComparison.Ordinal) ? (n > o ? n : 0) : n - o;
                if (change != 0)
                {
                    values[name] = change;
                }
            }

            var labels = now?.Labels.Where(l => old is null || !old.Labels.TryGetValue(l.Key, out var v) || v != l.Value)
                .ToDictionary(l => l.Key, l => l.Value) ?? [];
            if (values.Count > 0 || labels.Count > 0)
            {
                delta[key] = new CounterRow(values, labels);
            }
        }

        return delta;
    }

    /// <summary>
    /// The changes of several orders to the same rows as one change per row: values are summed (<see cref="MaxPrefix"/>
    /// values take the largest), and a label takes the value of the later delta.
    /// </summary>
    public static IReadOnlyDictionary<string, CounterRow> Merge(IEnumerable<IReadOnlyDictionary<string, CounterRow>> deltas)
    {
        var values = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var labels = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, row) in deltas.SelectMany(d => d))
        {
            var rowValues = values.TryGetValue(key, out var v) ? v : values[key] = [];
            var rowLabels = labels.TryGetValue(key, out var l) ? l : labels[key] = [];
            foreach (var (name, change) in row.Values)
            {
                var was = rowValues.GetValueOrDefault(name);
                rowValues[name] = name.StartsWith(MaxPrefix, StringComparison.Ordinal) ? Math.Max(was, change) : was + change;
            }

            foreach (var (name, label) in row.Labels)
            {
                rowLabels[name] = label;
            }
        }

        return values.ToDictionary(
            r => r.Key,
            r => new CounterRow(r.Value.Where(p => p.Value != 0).ToDictionary(), labels[r.Key]),
            StringComparer.Ordinal);
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, string> Label(string name, string? value) =>
        value is null ? Empty : new Dictionary<string, string> { [name] = value };

    private static CounterRow Product(IReadOnlyList<SalesLine> lines, string title) => new(
        new Dictionary<string, long>
        {
            ["Qty"] = lines.Where(l => !l.IsGift).Sum(l => (long)l.Quantity),
            ["GiftQty"] = lines.Where(l => l.IsGift).Sum(l => (long)l.Quantity),
            ["Fen"] = lines.Sum(l => l.PaidFen),
            ["Orders"] = lines.Any(l => !l.IsGift) ? 1 : 0,
        },
        new Dictionary<string, string> { ["Title"] = title });
}
