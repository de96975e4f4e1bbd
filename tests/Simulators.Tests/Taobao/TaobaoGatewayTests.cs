namespace ServerlessSync.Simulators.Tests.Taobao;

[Collection(TaobaoSimulatorCollection.Name)]
public sealed class TaobaoGatewayTests(TaobaoSimulatorFixture sim)
{
    private static Dictionary<string, string> FullInfo(string tid, string fields = TaobaoMethods.FullInfoFields) =>
        new() { ["tid"] = tid, ["fields"] = fields };

    private static Dictionary<string, string> Increment(DateTimeOffset from, DateTimeOffset to, int pageNo = 1, int pageSize = 40, bool useHasNext = false) =>
        new()
        {
            ["fields"] = TaobaoMethods.IncrementFields,
            ["start_modified"] = TaobaoTime.ToText(from),
            ["end_modified"] = TaobaoTime.ToText(to),
            ["page_no"] = pageNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["page_size"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["use_has_next"] = useHasNext ? "true" : "false",
        };

    /// <summary>A past window of its own per test, so tests sharing the store do not see each other's trades.</summary>
    private static DateTimeOffset PastHour(int daysAgo) =>
        DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-daysAgo).ToUnixTimeSeconds() / 3600 * 3600);

    [Theory]
    [InlineData(TaobaoSignMethod.Md5, false)]
    [InlineData(TaobaoSignMethod.Hmac, false)]
    [InlineData(TaobaoSignMethod.Md5, true)]
    public async Task Signed_fullinfo_call_returns_the_trade_in_top_json(string signMethod, bool asGet)
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (status, body) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid), signMethod: signMethod, asGet: asGet);

        Assert.Equal(200, status);
        var order = TaobaoTradeParser.ParseFullInfoResponse(body, stored.SellerNick).Order!;
        Assert.Equal(stored.Tid, order.Key.OrderId);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(stored.Payment, order.PaidAmountFen);
        Assert.Equal(order.PaidAmountFen - order.FreightFen, order.LinesPaidFen);
        Assert.Equal(stored.Lines.Select(l => (l.Oid, l.OuterSkuId, l.Num, l.DivideOrderFee, l.IsFreeGift)),
            order.Lines.Select(l => (l.LineId, l.MerchantCode!, l.Quantity, l.PaidAmountFen, l.IsGift)));
        Assert.Contains($"\"tid\":{stored.Tid},", body, StringComparison.Ordinal);
        Assert.Contains($"\"payment\":\"{TaobaoMoney.ToYuan(stored.Payment)}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_requested_fields_come_back()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (_, body) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid, "tid,status,orders.oid"));

        using var doc = JsonDocument.Parse(body);
        var trade = doc.RootElement.GetProperty("trade_fullinfo_get_response").GetProperty("trade");
        Assert.Equal(["tid", "status", "orders"], trade.EnumerateObject().Select(p => p.Name));
        Assert.All(trade.GetProperty("orders").GetProperty("order").EnumerateArray(),
            line => Assert.Equal(["oid"], line.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Wrong_secret_or_a_parameter_changed_after_signing_is_code_25()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (status, wrongSecret) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid), secret: "wrong");
        var (_, tampered) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid),
            tamper: p => new Dictionary<string, string>(p) { ["fields"] = "tid,receiver_mobile" });

        Assert.Equal(200, status);
        Assert.Equal((25L, (string?)null), TaobaoSimulatorFixture.Error(wrongSecret));
        Assert.Equal(25L, TaobaoSimulatorFixture.Error(tampered).Code);
    }

    [Fact]
    public async Task Stale_timestamp_is_code_31_even_when_correctly_signed()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (_, body) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid), now: DateTimeOffset.UtcNow.AddMinutes(-11));

        Assert.Equal(31L, TaobaoSimulatorFixture.Error(body).Code);
    }

    [Fact]
    public async Task Session_and_app_key_are_checked()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (_, missing) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid), session: null);
        var (_, invalid) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid), session: "someone-elses-session");
        var (_, appKey) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid),
            tamper: p => new Dictionary<string, string>(p) { ["app_key"] = "other-app" });

        Assert.Equal((26L, (string?)null), TaobaoSimulatorFixture.Error(missing));
        Assert.Equal((27L, "invalid-sessionkey"), TaobaoSimulatorFixture.Error(invalid));
        Assert.Equal(29L, TaobaoSimulatorFixture.Error(appKey).Code);
    }

    [Fact]
    public async Task Unknown_trade_is_a_business_error()
    {
        var (_, body) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo("3500000000000000001"));

        Assert.Equal((15L, "isv.trade-not-exist"), TaobaoSimulatorFixture.Error(body));
    }

    [Fact]
    public async Task Increment_list_refuses_windows_over_a_day_and_pages_over_100()
    {
        var from = PastHour(20);

        var (_, overDay) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddDays(1).AddSeconds(1)));
        var (_, backwards) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddSeconds(-1)));
        var (_, bigPage) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), pageSize: 101));
        var (_, exactlyADay) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddDays(1), pageSize: 100));

        Assert.Equal((41L, "isv.invalid-parameter:end_modified"), TaobaoSimulatorFixture.Error(overDay));
        Assert.Equal(41L, TaobaoSimulatorFixture.Error(backwards).Code);
        Assert.Equal((41L, "isv.invalid-parameter:page_size"), TaobaoSimulatorFixture.Error(bigPage));
        Assert.Equal(0, TaobaoIncrementParser.Parse(exactlyADay).Page!.TotalResults);
    }

    [Fact]
    public async Task Increment_list_pages_the_window_newest_first_with_total_results_or_has_next()
    {
        var from = PastHour(21);
        var created = sim.Store.CreateOrders(5, modifiedFrom: from.AddMinutes(1), modifiedTo: from.AddMinutes(5));

        var (_, page1) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), 1, 2));
        var (_, page3) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), 3, 2));
        var (_, hasNext) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), 2, 2, useHasNext: true));
        var (_, lastHasNext) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), 3, 2, useHasNext: true));

        var first = TaobaoIncrementParser.Parse(page1).Page!;
        Assert.Equal(5, first.TotalResults);
        Assert.Equal([created[4].Tid, created[3].Tid], first.Trades.Select(t => t.Tid));
        Assert.Equal([created[0].Tid], TaobaoIncrementParser.Parse(page3).Page!.Trades.Select(t => t.Tid));
        Assert.Equal(created[0].Modified, TaobaoIncrementParser.Parse(page3).Page!.Trades[0].Modified);
        Assert.Equal((true, (long?)null), (TaobaoIncrementParser.Parse(hasNext).Page!.HasNext!.Value, TaobaoIncrementParser.Parse(hasNext).Page!.TotalResults));
        Assert.False(TaobaoIncrementParser.Parse(lastHasNext).Page!.HasNext);
    }

    [Fact]
    public async Task Bump_knob_moves_the_head_of_the_listed_window_out_of_a_past_window()
    {
        var from = PastHour(22);
        var created = sim.Store.CreateOrders(4, modifiedFrom: from.AddMinutes(1), modifiedTo: from.AddMinutes(4));
        try
        {
            sim.Options.BumpPerListPage = 1;
            await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), 2, 2));
        }
        finally
        {
            sim.Options.BumpPerListPage = 0;
        }

        var (_, after) = await sim.CallAsync(TaobaoMethods.TradesSoldIncrementGet, Increment(from, from.AddHours(1), 1, 10));

        Assert.Equal([created[2].Tid, created[1].Tid, created[0].Tid], TaobaoIncrementParser.Parse(after).Page!.Trades.Select(t => t.Tid));
        Assert.True(sim.Store.Find(created[3].Tid)!.Modified > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task Throttle_and_failure_knobs_answer_code_7_and_http_500()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        try
        {
            sim.Options.ThrottleRate = 1;
            var (_, throttled) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid));
            var error = TaobaoTradeParser.ParseFullInfoResponse(throttled, stored.SellerNick).Error!;
            Assert.Equal((7L, "accesscontrol.limited-by-api-access-count"), (error.Code, error.SubCode));
            Assert.True(error.IsTransient);

            sim.Options.ApiFailureRate = 1;
            var (status, _) = await sim.CallAsync(TaobaoMethods.TradeFullInfoGet, FullInfo(stored.Tid));
            Assert.Equal(500, status);
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
            sim.Options.ApiFailureRate = 0;
        }
    }
}
