namespace ServerlessSync.Pipeline.Tests.OpsConsole;

public sealed class ReconciliationComparerTests
{
    private static LedgerEntry Ledger(string id, SyncStatus status, long fen, string? erp = null, OrderStatus platform = OrderStatus.Paid) => new()
    {
        Key = new OrderKey(PlatformNames.Douyin, "100200300", id),
        Status = status,
        PlatformStatus = platform,
        PaidAmountFen = fen,
        ErpOrderNumber = erp,
    };

    private static ErpOrderRef Erp(string number) => new(number, "1", "C");

    [Fact]
    public void Every_kind_of_disagreement_is_listed_once_under_missing_duplicates_or_mismatched()
    {
        var platform = new PlatformSide(
        [
            new("ok", OrderStatus.Paid, 100),
            new("notInLedger", OrderStatus.Paid, 200),
            new("amount", OrderStatus.Paid, 300),
            new("refunded", OrderStatus.Refunded, 400),
            new("stuck", OrderStatus.Paid, 500),
            new("lostInErp", OrderStatus.Paid, 600),
            new("second", OrderStatus.Paid, 700),
            new("unrecorded", OrderStatus.Paid, 800),
        ], null, false);
        var ledger = new[]
        {
            Ledger("ok", SyncStatus.Synced, 100, "X1"),
            Ledger("amount", SyncStatus.Synced, 299, "X3"),
            Ledger("refunded", SyncStatus.Synced, 400, "X4"),
            Ledger("stuck", SyncStatus.Quarantined, 500),
            Ledger("lostInErp", SyncStatus.Synced, 600, "X6"),
            Ledger("second", SyncStatus.Synced, 700, "X7"),
            Ledger("unrecorded", SyncStatus.Failed, 800),
            Ledger("notListed", SyncStatus.Synced, 900, "X1"),
        };
        var erp = new ErpSide(new Dictionary<string, ErpOrderRef?>
        {
            ["ok"] = Erp("X1"), ["amount"] = Erp("X3"), ["refunded"] = Erp("X4"), ["stuck"] = null, ["lostInErp"] = null,
            ["second"] = Erp("X7b"), ["unrecorded"] = Erp("X8"), ["notListed"] = Erp("X1"),
        }, false, null);

        var report = ReconciliationComparer.Compare(platform, ledger, erp);

        Assert.Equal(
            ["lostInErp:missingInErp", "notInLedger:missingInLedger", "notListed:missingOnPlatform", "stuck:notInErp", "unrecorded:notInErp"],
            report.Missing.Select(i => $"{i.OrderId}:{i.Kind}").Order());
        Assert.Equal(
            ["notListed:sharedErpNumber", "ok:sharedErpNumber", "second:secondErpOrder"],
            report.Duplicates.Select(i => $"{i.OrderId}:{i.Kind}").Order());
        Assert.Equal(
            ["amount:amountMismatch", "refunded:statusMismatch", "unrecorded:erpNumberNotRecorded"],
            report.Mismatched.Select(i => $"{i.OrderId}:{i.Kind}").Order());
        Assert.Equal(new SideTotals(8, 7, 100 + 200 + 300 + 500 + 600 + 700 + 800), report.Platform);
        Assert.Equal(new SideTotals(8, 8, 100 + 299 + 400 + 500 + 600 + 700 + 800 + 900), report.Ledger);
        Assert.Equal((6, 8), (report.ErpFound, report.ErpChecked));
    }

    [Fact]
    public void An_erp_order_whose_total_is_not_what_the_buyer_paid_is_flagged_with_both_amounts()
    {
        var platform = new PlatformSide([new("ok", OrderStatus.Paid, 10_600), new("short", OrderStatus.Paid, 10_600)], null, false);
        var ledger = new[] { Ledger("ok", SyncStatus.Synced, 10_600, "X1"), Ledger("short", SyncStatus.Synced, 10_600, "X2"), Ledger("noList", SyncStatus.Synced, 500, "X3") };
        var erp = new ErpSide(new Dictionary<string, ErpOrderRef?>
        {
            ["ok"] = new("X1", "1", "C", "ok", 10_600),
            ["short"] = new("X2", "2", "C", "short", 10_000),
            ["noList"] = new("X3", "3", "C", "noList", 499),
        }, false, null);

        var report = ReconciliationComparer.Compare(platform, ledger, erp);

        var amounts = report.Mismatched.Where(i => i.Kind == "erpAmountMismatch").ToList();
        Assert.Equal(["noList", "short"], amounts.Select(i => i.OrderId).Order());
        var shortOrder = amounts.Single(i => i.OrderId == "short");
        Assert.Equal((10_600L, 10_000L, "X2"), (shortOrder.PlatformFen!.Value, shortOrder.ErpFen!.Value, shortOrder.ErpNumber));
        Assert.Equal("ERP order X2 totals 10000 fen, the buyer paid 10600 fen (-600 fen)", shortOrder.Detail);
        Assert.Equal(10_600 + 10_000 + 499, report.ErpAmountFen);
    }

    [Fact]
    public void Without_a_platform_list_only_ledger_and_erp_are_compared_and_a_truncated_list_claims_nothing_missing_on_the_platform()
    {
        var ledger = new[] { Ledger("a", SyncStatus.Synced, 100, "X1") };
        var erp = new ErpSide(new Dictionary<string, ErpOrderRef?> { ["a"] = Erp("X1") }, false, null);

        var unavailable = ReconciliationComparer.Compare(new PlatformSide(null, "no list", false), ledger, erp);
        var truncated = ReconciliationComparer.Compare(new PlatformSide([], null, true), ledger, erp);

        Assert.Null(unavailable.Platform);
        Assert.Empty(unavailable.Missing.Concat(unavailable.Duplicates).Concat(unavailable.Mismatched));
        Assert.Empty(truncated.Missing);
    }
}
