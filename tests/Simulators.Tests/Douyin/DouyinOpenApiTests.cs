namespace ServerlessSync.Simulators.Tests.Douyin;

[Collection(DouyinSimulatorCollection.Name)]
public sealed class DouyinOpenApiTests(DouyinSimulatorFixture sim)
{
    private async Task<(int Status, string Body)> OrderDetailAsync(string orderId, string? secret = null, DateTimeOffset? now = null, string? appKey = null)
    {
        var request = DouyinApiSigner.BuildRequest(
            appKey ?? sim.Options.AppKey, secret ?? sim.Options.AppSecret, "test-token", "/order/orderDetail",
            new Dictionary<string, string> { ["shop_order_id"] = orderId }, now ?? DateTimeOffset.UtcNow);
        using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        using var response = await sim.Http.PostAsync(sim.Url("douyin" + request.PathAndQuery), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static (long Code, string SubCode) Envelope(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return (doc.RootElement.GetProperty("code").GetInt64(), doc.RootElement.GetProperty("sub_code").GetString()!);
    }

    [Fact]
    public async Task Signed_request_returns_the_order_in_the_real_envelope()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (status, body) = await OrderDetailAsync(stored.OrderId);

        Assert.Equal(200, status);
        var order = DouyinOrderParser.ParseDetailResponse(body, stored.ShopId).Order!;
        Assert.Equal(stored.OrderId, order.Key.OrderId);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(stored.PayAmount, order.PaidAmountFen);
        Assert.Equal(order.PaidAmountFen - order.FreightFen, order.LinesPaidFen);
        Assert.Equal(stored.Lines.Count, order.Lines.Count);
        Assert.Contains("\"shop_id\":100200300", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_signature_is_refused()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (status, body) = await OrderDetailAsync(stored.OrderId, secret: "wrong-secret");

        Assert.Equal(200, status);
        Assert.Equal((40003L, "isv.signature-invalid"), Envelope(body));
    }

    [Fact]
    public async Task Stale_timestamp_is_refused_even_when_correctly_signed()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        var (_, body) = await OrderDetailAsync(stored.OrderId, now: DateTimeOffset.UtcNow.AddMinutes(-11));

        Assert.Equal((40003L, "isv.timestamp-invalid"), Envelope(body));
    }

    [Fact]
    public async Task Unknown_app_key_and_unknown_order_get_their_own_codes()
    {
        var (_, wrongKey) = await OrderDetailAsync("6900000000000000001", appKey: "someone-else");
        var (_, unknownOrder) = await OrderDetailAsync("6900000000000000001");

        Assert.Equal((40001L, "isv.app-id-missing"), Envelope(wrongKey));
        Assert.Equal(50002L, Envelope(unknownOrder).Code);
    }

    [Fact]
    public async Task Tampered_body_fails_the_signature()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var request = DouyinApiSigner.BuildRequest(sim.Options.AppKey, sim.Options.AppSecret, "t", "/order/orderDetail",
            new Dictionary<string, string> { ["shop_order_id"] = stored.OrderId }, DateTimeOffset.UtcNow);
        using var content = new StringContent(request.Body.Replace("{", "{ ", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await sim.Http.PostAsync(sim.Url("douyin" + request.PathAndQuery), content);

        Assert.Equal((40003L, "isv.signature-invalid"), Envelope(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Throttle_and_failure_knobs_answer_60000_and_http_500()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        try
        {
            sim.Options.ThrottleRate = 1;
            var (_, throttled) = await OrderDetailAsync(stored.OrderId);
            Assert.Equal((60000L, "isv.traffic-limited"), Envelope(throttled));

            sim.Options.ApiFailureRate = 1;
            var (status, _) = await OrderDetailAsync(stored.OrderId);
            Assert.Equal(500, status);
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
            sim.Options.ApiFailureRate = 0;
        }
    }
}
