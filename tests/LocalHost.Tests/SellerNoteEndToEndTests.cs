using ServerlessSync.Pipeline.SellerNotes;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// A whole hub on Azurite: orders pushed by the Douyin simulator are synced into the Kingdee simulator, and then the
/// hub's seller-note timer writes each ERP number to the platform order through order.addOrderRemark.
/// </summary>
public sealed class SellerNoteEndToEndTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Synced_orders_carry_their_erp_number_on_the_platform_and_the_order_view_says_so()
    {
        await using var hub = await TestHub.StartAsync();

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 6, RatePerSecond = 50, Seed = 17 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));

        var expected = ledger.ToDictionary(p => p.Key, p => "ERP:" + p.Value!.ErpOrderNumber);
        await Poll.UntilAsync(() => expected.All(p => hub.DouyinOrders.Find(p.Key)!.SellerWords == p.Value), TimeSpan.FromSeconds(60));

        Assert.All(expected, p => Assert.Equal(p.Value, hub.DouyinOrders.Find(p.Key)!.SellerWords));
        var first = burst.OrderIds[0];
        var view = await WaitForSellerNoteAsync(hub, first);
        Assert.Equal($"Seller note on the platform carries \"{expected[first]}\"", view);
        Assert.Null(await hub.HubService<SellerNoteQueue>().GetAsync(new OrderKey(PlatformNames.Douyin, DemoCatalog.ShopId, first), CancellationToken.None));
    }

    /// <summary>The order view's <c>sellerNote</c>, once the ledger has it (written just after the platform call).</summary>
    private static Task<string?> WaitForSellerNoteAsync(TestHub hub, string orderId) => Poll.ForAsync(
        async () => (await hub.GetOrderStatusAsync(PlatformNames.Douyin, DemoCatalog.ShopId, orderId))?.GetProperty("sellerNote").GetString(),
        TimeSpan.FromSeconds(30));
}
