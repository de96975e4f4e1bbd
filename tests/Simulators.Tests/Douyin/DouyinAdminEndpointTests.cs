namespace ServerlessSync.Simulators.Tests.Douyin;

[Collection(DouyinSimulatorCollection.Name)]
public sealed class DouyinAdminEndpointTests(DouyinSimulatorFixture sim) : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await DouyinWebhookReceiver.StartAsync(sim.Options.AppKey, sim.Options.AppSecret);

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    private async Task<JsonElement> GetJsonAsync(string path) =>
        (await sim.Http.GetFromJsonAsync<JsonElement>(sim.Url(path)));

    [Fact]
    public async Task Burst_endpoint_plays_in_the_background_and_reports_progress()
    {
        var start = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/burst"), new
        {
            orders = 12,
            ratePerSecond = 200,
            webhookUrl = receiver.Url.ToString(),
            shopId = "555000111",
        });
        Assert.Equal(202, (int)start.StatusCode);
        var burstId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("burstId").GetString();

        JsonElement status = default;
        for (var i = 0; i < 150; i++)
        {
            status = await GetJsonAsync($"douyin/_sim/burst/{burstId}");
            if (status.GetProperty("done").GetBoolean())
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.True(status.GetProperty("done").GetBoolean());
        Assert.Equal(12, status.GetProperty("created").GetInt32());
        Assert.Equal(24, status.GetProperty("sent").GetInt32());
        Assert.Equal(24, status.GetProperty("acked").GetInt32());
        var orderIds = status.GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.All(receiver.Messages, m => Assert.Equal("555000111", m.Message.Event.ShopId));

        var listed = await GetJsonAsync("douyin/_sim/orders?shopId=555000111");
        Assert.Equal(orderIds, listed.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()));
    }

    [Fact]
    public async Task Status_change_is_stored_and_pushed_as_the_matching_message()
    {
        var orderId = sim.Store.CreateOrders(1).Single().OrderId;

        var response = await sim.Http.PostAsJsonAsync(sim.Url($"douyin/_sim/orders/{orderId}/status"), new { orderStatus = 4, webhookUrl = receiver.Url.ToString() });

        response.EnsureSuccessStatusCode();
        Assert.Equal(4, sim.Store.Find(orderId)!.OrderStatus);
        var message = Assert.Single(receiver.Messages).Message;
        Assert.Equal(("trade.cancelled", orderId), (message.Event.Event, message.Event.OrderId));
    }

    [Fact]
    public async Task Push_endpoint_can_send_a_forged_push()
    {
        var orderId = sim.Store.CreateOrders(1).Single().OrderId;

        var response = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/push"), new { orderId, webhookUrl = receiver.Url.ToString(), forged = true });

        response.EnsureSuccessStatusCode();
        var arrival = Assert.Single(receiver.Arrivals);
        Assert.Equal((PushOutcomeKind.Rejected, 401), (arrival.Outcome.Kind, arrival.Outcome.RejectStatusCode));
    }

    [Fact]
    public async Task Invalid_burst_is_a_400_and_unknown_burst_a_404()
    {
        var bad = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/burst"), new { orders = 5, webhookUrl = "nowhere" });
        var missing = await sim.Http.GetAsync(sim.Url("douyin/_sim/burst/burst-999999"));

        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Equal(404, (int)missing.StatusCode);
    }

    [Fact]
    public async Task A_refused_burst_says_why()
    {
        var notAnObject = await sim.Http.PostAsync(sim.Url("douyin/_sim/burst"), new StringContent("[1]", Encoding.UTF8, "application/json"));
        var badShop = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/burst"), new { shopId = "abc", webhookUrl = receiver.Url.ToString() });
        var tooMany = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/burst"), new { orders = 100_001, webhookUrl = receiver.Url.ToString() });

        Assert.Equal(
            [(400, "body must be a JSON object"), (400, "shopId must be a numeric 抖店 shop id."), (400, "orders must be between 1 and 100000.")],
            [await ErrorAsync(notAnObject), await ErrorAsync(badShop), await ErrorAsync(tooMany)]);
    }

    [Fact]
    public async Task A_burst_status_carries_every_counter_and_latency()
    {
        var start = await sim.Http.PostAsJsonAsync(sim.Url("douyin/_sim/burst"), new { orders = 2, ratePerSecond = 100, webhookUrl = receiver.Url.ToString(), seed = 1 });
        var burstId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("burstId").GetString();
        var status = await GetJsonAsync($"douyin/_sim/burst/{burstId}");
        for (var i = 0; i < 150 && !status.GetProperty("done").GetBoolean(); i++)
        {
            await Task.Delay(100);
            status = await GetJsonAsync($"douyin/_sim/burst/{burstId}");
        }

        Assert.Equal(
            ["burstId", "done", "created", "sent", "acked", "failed", "dropped", "duplicates", "outOfOrder", "timedOut", "error",
             "latencyP50Ms", "latencyP95Ms", "latencyP99Ms", "latencyMaxMs", "orderIds"],
            status.EnumerateObject().Select(p => p.Name));
        Assert.Equal((burstId, true, 2, 4, 4, 0, 0, 0, 0, false, JsonValueKind.Null), (
            status.GetProperty("burstId").GetString(), status.GetProperty("done").GetBoolean(), status.GetProperty("created").GetInt32(),
            status.GetProperty("sent").GetInt32(), status.GetProperty("acked").GetInt32(), status.GetProperty("failed").GetInt32(),
            status.GetProperty("dropped").GetInt32(), status.GetProperty("duplicates").GetInt32(), status.GetProperty("outOfOrder").GetInt32(),
            status.GetProperty("timedOut").GetBoolean(), status.GetProperty("error").ValueKind));
        Assert.True(status.GetProperty("latencyMaxMs").GetDouble() >= status.GetProperty("latencyP50Ms").GetDouble());
    }

    private static async Task<(int Status, string? Error)> ErrorAsync(HttpResponseMessage response) =>
        ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
}
