using static ServerlessSync.Pipeline.Tests.Stats.StatsTestData;

namespace ServerlessSync.Pipeline.Tests.Stats;

public sealed class CounterRowsTests
{
    private const string Day = "2025-06-18";

    [Fact]
    public void A_synced_paid_order_counts_once_in_every_dimension_and_in_every_funnel_stage()
    {
        var facts = Facts(erpMs: 1_500, lines: [new SalesLine("SKU-LIP-01", "丝绒口红 #01", 2, 19_600, false), new SalesLine("SKU-MASK-10", "补水面膜 10片", 1, 0, true)]);
        var c = ContributionBuilder.Next(null, Entry("1", SyncStatus.Synced, OrderStatus.Paid, 20_200, Created, "XSDD001"), facts, Created);

        var rows = CounterRows.Of(c);

        Assert.Equal(Day, c.Day);
        var total = rows[CounterRows.Row(Day, "total")].Values;
        Assert.Equal(1, total["Received"]);
        Assert.Equal(1, total["Paid"]);
        Assert.Equal(1, total["Mapped"]);
        Assert.Equal(1, total["InErp"]);
        Assert.Equal(20_200, total["SalesFen"]);
        Assert.Equal(1_500, total["LatencySumMs"]);
        Assert.Equal(1, total[LatencyBuckets.PropertyName(LatencyBuckets.Of(1_500))]);
        Assert.Equal(20_200, rows[CounterRows.Row(Day, "anchor", "71000001")].Values["Fen"]);
        Assert.Equal("主播小美", rows[CounterRows.Row(Day, "anchor", "71000001")].Labels["Name"]);
        Assert.Equal(1, rows[CounterRows.Row(Day, "room", "7300000000000000001")].Values["Orders"]);
        Assert.Equal(20_200, rows[CounterRows.Row(Day, "channel", "抖音·小店自卖")].Values["Fen"]);
        Assert.Equal(20_200, rows[CounterRows.Row(Day, "platform", "douyin")].Values["Fen"]);
        Assert.Equal(2, rows[CounterRows.Row(Day, "product", "SKU-LIP-01")].Values["Qty"]);
        var gift = rows[CounterRows.Row(Day, "product", "SKU-MASK-10")].Values;
        Assert.Equal(0, gift["Qty"]);
        Assert.Equal(1, gift["GiftQty"]);
        Assert.Equal(0, gift["Orders"]);
        Assert.Equal(1, rows[CounterRows.StatusRowKey].Values["Synced"]);
    }

    [Fact]
    public void Merged_deltas_sum_values_keep_the_largest_max_value_take_the_later_label_and_drop_rows_that_cancel_out()
    {
        var first = new Dictionary<string, CounterRow>
        {
            ["r"] = new(new Dictionary<string, long> { ["Orders"] = 1, ["Fen"] = 500, [CounterRows.MaxPrefix + "LatencyMs"] = 900 }, new Dictionary<string, string> { ["Name"] = "old" }),
            ["gone"] = new(new Dictionary<string, long> { ["Orders"] = 1 }, new Dictionary<string, string>()),
        };
        var second = new Dictionary<string, CounterRow>
        {
            ["r"] = new(new Dictionary<string, long> { ["Orders"] = 1, ["Fen"] = 700, [CounterRows.MaxPrefix + "LatencyMs"] = 400 }, new Dictionary<string, string> { ["Name"] = "new" }),
            ["gone"] = new(new Dictionary<string, long> { ["Orders"] = -1 }, new Dictionary<string, string>()),
        };

        var merged = CounterRows.Merge([first, second]);

        Assert.Equal(new Dictionary<string, long> { ["Orders"] = 2, ["Fen"] = 1_200, [CounterRows.MaxPrefix + "LatencyMs"] = 900 }, merged["r"].Values);
        Assert.Equal("new", merged["r"].Labels["Name"]);
        Assert.Empty(merged["gone"].Values);
    }

    [Fact]
    public void Recomputing_the_same_state_changes_nothing()
    {
        var entry = Entry("1", SyncStatus.Synced, OrderStatus.Paid, 9_900, Created, "XSDD001");
        var first = ContributionBuilder.Next(null, entry, Facts(erpMs: 800), Created);
        var again = ContributionBuilder.Next(first, entry, Facts(erpMs: 2_000), Created.AddMinutes(5));

        Assert.Empty(CounterRows.Delta(CounterRows.Of(first), CounterRows.Of(again)));
        Assert.Equal(800, again.ErpLatencyMs); // the first recorded write time stays
    }

    [Fact]
    public void A_refund_after_the_erp_write_moves_the_sale_out_and_keeps_the_funnel_stages()
    {
        var synced = ContributionBuilder.Next(null, Entry("1", SyncStatus.Synced, OrderStatus.Paid, 9_900, Created, "XSDD001"), Facts(), Created);
        var refunded = ContributionBuilder.Next(synced, Entry("1", SyncStatus.CancelledAfterErp, OrderStatus.Refunded, 9_900, Created.AddHours(1), "XSDD001"), Facts(), Created.AddHours(1));

        var delta = CounterRows.Delta(CounterRows.Of(synced), CounterRows.Of(refunded));

        var total = delta[CounterRows.Row(Day, "total")].Values;
        Assert.Equal(-1, total["SalesOrders"]);
        Assert.Equal(-9_900, total["SalesFen"]);
        Assert.Equal(1, total["Refunded"]);
        Assert.Equal(9_900, total["RefundedFen"]);
        Assert.False(total.ContainsKey("Paid"));
        Assert.False(total.ContainsKey("InErp"));
        Assert.Equal(-9_900, delta[CounterRows.Row(Day, "anchor", "71000001")].Values["Fen"]);
        Assert.Equal(-2, delta[CounterRows.Row(Day, "product", "SKU-LIP-01")].Values["Qty"]);
        var status = delta[CounterRows.StatusRowKey].Values;
        Assert.Equal(-1, status["Synced"]);
        Assert.Equal(1, status["CancelledAfterErp"]);
    }

    [Fact]
    public void A_quarantined_order_is_paid_but_not_mapped_and_a_platform_read_failure_is_not_mapped_either()
    {
        var quarantined = ContributionBuilder.Next(null, Entry("1", SyncStatus.Quarantined, OrderStatus.Paid, 9_900, Created), Facts(), Created);
        var unreadable = ContributionBuilder.Next(null, Entry("2", SyncStatus.Failed, OrderStatus.Paid, 0, Created), null, Created);
        var erpFailure = ContributionBuilder.Next(null, Entry("3", SyncStatus.Failed, OrderStatus.Paid, 9_900, Created), Facts(), Created);

        Assert.True(quarantined.Paid);
        Assert.False(quarantined.Mapped);
        Assert.True(quarantined.IsSale);
        Assert.False(unreadable.Mapped);
        Assert.True(erpFailure.Mapped);
        Assert.False(erpFailure.InErp);
    }

    [Fact]
    public void An_order_with_more_products_than_a_transaction_holds_folds_the_rest_into_other()
    {
        var lines = Enumerable.Range(0, 150).Select(i => new SalesLine($"SKU-{i:D3}", $"P{i}", 1, 100, false)).ToArray();
        var c = ContributionBuilder.Next(null, Entry("1", SyncStatus.Synced, OrderStatus.Paid, 15_000, Created, "X"), Facts(lines: lines), Created);

        var rows = CounterRows.Of(c);

        Assert.True(rows.Count + 1 <= 100, $"{rows.Count} rows and the marker exceed one Tables transaction");
        var other = rows[CounterRows.Row(Day, "product", CounterRows.OtherProduct)].Values;
        Assert.Equal(150 - (CounterRows.MaxProductRows - 1), other["Qty"]);
        Assert.Equal(150, rows.Where(r => r.Key.Contains("|product|", StringComparison.Ordinal)).Sum(r => r.Value.Values["Qty"]));
    }

    [Fact]
    public void The_business_day_is_china_time_and_latency_quantiles_come_from_the_buckets()
    {
        Assert.Equal("2025-06-19", StatsDay.Of(new DateTimeOffset(2025, 6, 18, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2025-06-18", StatsDay.Of(new DateTimeOffset(2025, 6, 18, 15, 59, 59, TimeSpan.Zero)));

        var counts = new long[LatencyBuckets.Count];
        counts[LatencyBuckets.Of(300)] = 90; // ≤ 500 ms
        counts[LatencyBuckets.Of(4_000)] = 10; // ≤ 5 s
        Assert.Equal(500, LatencyBuckets.Quantile(counts, 0.5, 4_000));
        Assert.Equal(4_000, LatencyBuckets.Quantile(counts, 0.95, 4_000));
    }
}
