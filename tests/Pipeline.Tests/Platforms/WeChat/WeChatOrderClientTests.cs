namespace ServerlessSync.Pipeline.Tests.Platforms.WeChat;

public sealed class WeChatOrderClientTests(WeChatSimulatorHostFixture sim) : IClassFixture<WeChatSimulatorHostFixture>
{
    private static OrderKey Key(WeChatSimOrder order) => new(PlatformNames.WeChat, WeChatSimulatorHostFixture.ShopId, order.OrderId);

    [Fact]
    public async Task Fetches_the_order_over_loopback_with_one_cached_access_token()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var client = sim.Client();
        var issuedBefore = sim.Tokens.IssuedCount;

        var order = await client.GetOrderAsync(Key(stored), CancellationToken.None);
        await client.GetOrderAsync(Key(stored), CancellationToken.None);
        await client.GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(1, sim.Tokens.IssuedCount - issuedBefore);
        Assert.Equal(Key(stored), order.Key);
        Assert.True(long.Parse(order.Key.OrderId, System.Globalization.CultureInfo.InvariantCulture) > (1L << 53));
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal((stored.OrderPrice, stored.Freight, stored.ProductPrice), (order.PaidAmountFen, order.FreightFen, order.OrderAmountFen));
        Assert.Equal(
            stored.Lines.Select(l => (l.SkuId, l.SkuCode, l.SkuCnt, l.RealPrice, l.IsFreeGift)),
            order.Lines.Select(l => (l.SkuId, l.MerchantCode!, l.Quantity, l.PaidAmountFen, l.IsGift)));
        Assert.Equal((stored.FinderId, stored.FinderNickname), (order.Tags.AnchorId, order.Tags.AnchorName));
        Assert.Equal(stored.Address.UserName, order.Receiver.Name);
        Assert.Equal(stored.OpenId, order.BuyerOpenId);
    }

    [Fact]
    public async Task Gift_flags_sent_as_numbers_are_read_too_and_status_changes_are_seen()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var main = stored.Lines[0];
        sim.Store.Put(stored with { Lines = [main, main with { SkuCnt = 1, SalePrice = 0, Discount = 0, IsFreeGift = true, MainSkuId = main.SkuId }] });
        sim.Store.SetStatus(stored.OrderId, WeChatSimStatus.AfterSaleCancelled);
        try
        {
            sim.Options.FreeGiftAsNumber = true;

            var order = await sim.Client().GetOrderAsync(Key(stored), CancellationToken.None);

            Assert.Equal(OrderStatus.Refunded, order.Status);
            var gift = Assert.Single(order.Lines, l => l.IsGift);
            Assert.Equal([order.Lines[0].LineId], gift.GiftForLineIds);
        }
        finally
        {
            sim.Options.FreeGiftAsNumber = false;
        }
    }

    [Fact]
    public async Task A_token_the_platform_no_longer_accepts_is_replaced_once_without_failing_the_read()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var client = sim.Client();
        await client.GetOrderAsync(Key(stored), CancellationToken.None);
        var issuedBefore = sim.Tokens.IssuedCount;

        sim.Tokens.RevokeAll();
        var order = await client.GetOrderAsync(Key(stored), CancellationToken.None);

        Assert.Equal(stored.OrderId, order.Key.OrderId);
        Assert.Equal(1, sim.Tokens.IssuedCount - issuedBefore);
    }

    [Fact]
    public async Task A_shops_fixed_access_token_is_used_as_is_and_its_refusal_is_a_request_error()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var issued = sim.Tokens.Issue().Token;
        var issuedBefore = sim.Tokens.IssuedCount;

        var order = await sim.Client(sim.Settings(new PlatformShopSettings { AccessToken = issued })).GetOrderAsync(Key(stored), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            sim.Client(sim.Settings(new PlatformShopSettings { AccessToken = "stale-token" })).GetOrderAsync(Key(stored), CancellationToken.None));

        Assert.Equal(stored.OrderId, order.Key.OrderId);
        Assert.Equal(issuedBefore, sim.Tokens.IssuedCount);
        Assert.Contains("40001", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-token", refused.Message, StringComparison.Ordinal);
    }
}
