namespace ServerlessSync.Simulators.Tests.Taobao;

[Collection(TaobaoSimulatorCollection.Name)]
public sealed class TaobaoAdminEndpointTests(TaobaoSimulatorFixture sim)
{
    [Fact]
    public async Task Creates_trades_over_a_modified_range_and_lists_them()
    {
        using var response = await sim.Http.PostAsJsonAsync(sim.Url("taobao/_sim/orders"),
            new { count = 3, modifiedFrom = "2024-03-01 10:00:00", modifiedTo = "2024-03-01 10:02:00" });
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var tids = created.RootElement.GetProperty("tids").EnumerateArray().Select(t => t.GetString()!).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["2024-03-01 10:00:00", "2024-03-01 10:01:00", "2024-03-01 10:02:00"],
            tids.Select(t => TaobaoTime.ToText(sim.Store.Find(t)!.Modified)));
        Assert.All(tids, t => Assert.Equal(sim.Options.SellerNick, sim.Store.Find(t)!.SellerNick));

        var listed = await sim.Http.GetStringAsync(sim.Url("taobao/_sim/orders"));
        Assert.All(tids, t => Assert.Contains($"\"tid\":\"{t}\"", listed, StringComparison.Ordinal));
        var one = await sim.Http.GetStringAsync(sim.Url($"taobao/_sim/orders/{tids[0]}"));
        Assert.Contains("\"orders\":{\"order\":[", one, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_change_moves_status_and_modified()
    {
        var stored = sim.Store.CreateOrders(1, modifiedFrom: DateTimeOffset.UtcNow.AddHours(-2)).Single();

        using var response = await sim.Http.PostAsJsonAsync(sim.Url($"taobao/_sim/orders/{stored.Tid}/status"), new { status = "TRADE_CLOSED" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = sim.Store.Find(stored.Tid)!;
        Assert.Equal(TaobaoSimStatus.TradeClosed, after.Status);
        Assert.True(after.Modified > stored.Modified.AddHours(1));
        Assert.All(after.Lines, l => Assert.Equal("SUCCESS", l.RefundStatus));
    }

    [Fact]
    public async Task Unknown_status_is_400_and_unknown_trade_is_404()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        using var badStatus = await sim.Http.PostAsJsonAsync(sim.Url($"taobao/_sim/orders/{stored.Tid}/status"), new { status = "SHIPPED" });
        using var unknown = await sim.Http.PostAsJsonAsync(sim.Url("taobao/_sim/orders/3500000000000000009/status"), new { status = "TRADE_FINISHED" });
        using var badCount = await sim.Http.PostAsJsonAsync(sim.Url("taobao/_sim/orders"), new { count = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCount.StatusCode);
    }

    [Fact]
    public void Generated_trades_are_consistent_and_use_the_demo_merchant_codes()
    {
        var trades = sim.Store.CreateOrders(200);

        Assert.All(trades, t =>
        {
            Assert.Equal(t.Payment, t.Lines.Sum(l => l.DivideOrderFee) + t.PostFee);
            Assert.All(t.Lines, l => Assert.Contains(l.OuterSkuId, DemoCatalog.Products.Select(p => p.MerchantCode)));
            Assert.All(t.Lines.Where(l => l.IsFreeGift), g => Assert.Equal((0L, 0L, t.Lines[0].Oid), (g.Price, g.DivideOrderFee, g.GiftMids)));
        });
        Assert.Contains(trades, t => t.Lines.Any(l => l.IsFreeGift));
        Assert.Contains(trades, t => t.CouponFee > 0 && t.Lines.Any(l => l.DivideOrderFee != l.LinePayment));
        Assert.Equal(trades.Count, trades.Select(t => t.Tid).Distinct().Count());
    }
}
