namespace ServerlessSync.Simulators.Tests.WeChat;

[Collection(WeChatSimulatorCollection.Name)]
public sealed class WeChatSimulatorApiTests(WeChatSimulatorFixture sim)
{
    private async Task<JsonElement> GetTokenAsync(string? appId = null, string? secret = null, string grant = "client_credential") =>
        await sim.Http.GetFromJsonAsync<JsonElement>(sim.Url(
            $"wechat/cgi-bin/token?grant_type={grant}&appid={appId ?? sim.Options.AppId}&secret={secret ?? sim.Options.AppSecret}"));

    private async Task<string> TokenAsync() => (await GetTokenAsync()).GetProperty("access_token").GetString()!;

    private async Task<JsonElement> PostAsync(string path, string? token, string body)
    {
        var url = sim.Url(token is null ? path : $"{path}?access_token={Uri.EscapeDataString(token)}");
        using var response = await sim.Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static long ErrCode(JsonElement answer) => answer.TryGetProperty("errcode", out var code) ? code.GetInt64() : 0;

    [Fact]
    public async Task Token_endpoint_issues_expiring_tokens_and_refuses_wrong_credentials_with_wechat_codes()
    {
        var good = await GetTokenAsync();

        Assert.False(string.IsNullOrEmpty(good.GetProperty("access_token").GetString()));
        Assert.Equal(7200, good.GetProperty("expires_in").GetInt32());
        Assert.Equal(40013, ErrCode(await GetTokenAsync(appId: "wx0000000000000000")));
        Assert.Equal(40125, ErrCode(await GetTokenAsync(secret: "wrong")));
        Assert.Equal(40002, ErrCode(await GetTokenAsync(grant: "password")));
        Assert.Contains("rid:", (await GetTokenAsync(secret: "wrong")).GetProperty("errmsg").GetString());
    }

    [Fact]
    public async Task Order_get_answers_the_order_for_a_valid_token_with_its_id_as_an_exact_string()
    {
        var order = sim.Store.CreateOrders(1).Single();

        var answer = await PostAsync("wechat/channels/ec/order/get", await TokenAsync(), $$"""{"order_id":"{{order.OrderId}}"}""");

        Assert.Equal(0, ErrCode(answer));
        var json = answer.GetProperty("order");
        Assert.Equal(JsonValueKind.String, json.GetProperty("order_id").ValueKind);
        Assert.Equal(order.OrderId, json.GetProperty("order_id").GetString());
        Assert.True(long.Parse(order.OrderId, System.Globalization.CultureInfo.InvariantCulture) > (1L << 53));
        Assert.Equal(order.OrderPrice, json.GetProperty("order_detail").GetProperty("price_info").GetProperty("order_price").GetInt64());
        Assert.Equal(100002, ErrCode(await PostAsync("wechat/channels/ec/order/get", await TokenAsync(), """{"order_id":"3700000000000000001"}""")));
    }

    [Fact]
    public async Task Order_api_refuses_missing_unknown_revoked_and_expired_tokens()
    {
        var order = sim.Store.CreateOrders(1).Single();
        var body = $$"""{"order_id":"{{order.OrderId}}"}""";
        var revoked = await TokenAsync();
        sim.Tokens.RevokeAll();

        Assert.Equal(41001, ErrCode(await PostAsync("wechat/channels/ec/order/get", null, body)));
        Assert.Equal(40001, ErrCode(await PostAsync("wechat/channels/ec/order/get", "made-up-token", body)));
        Assert.Equal(40001, ErrCode(await PostAsync("wechat/channels/ec/order/get", revoked, body)));

        var lifetime = sim.Options.TokenLifetimeSeconds;
        try
        {
            sim.Options.TokenLifetimeSeconds = 1;
            var shortLived = await TokenAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            Assert.Equal(42001, ErrCode(await PostAsync("wechat/channels/ec/order/get", shortLived, body)));
        }
        finally
        {
            sim.Options.TokenLifetimeSeconds = lifetime;
        }
    }

    [Theory]
    [InlineData("""{"page_size":0,"update_time_range":{"start_time":1600000000,"end_time":1600000100}}""", 40097)]
    [InlineData("""{"page_size":101,"update_time_range":{"start_time":1600000000,"end_time":1600000100}}""", 40097)]
    [InlineData("""{"page_size":100,"update_time_range":{"start_time":1600000000,"end_time":1600604801}}""", 40097)]
    [InlineData("""{"page_size":100,"create_time_range":{"start_time":1600000100,"end_time":1600000000}}""", 40097)]
    [InlineData("""{"page_size":100}""", 40097)]
    [InlineData("""{"page_size":100,"update_time_range":{"start_time":1600000000,"end_time":1600000100},"next_key":"???"}""", 40097)]
    [InlineData("""{"page_size":100,""", 47001)]
    [InlineData("""{"page_size":100,"update_time_range":{"start_time":1600000000,"end_time":1600604800}}""", 0)]
    public async Task Order_list_enforces_page_size_and_the_seven_day_range(string body, long expected)
    {
        Assert.Equal(expected, ErrCode(await PostAsync("wechat/channels/ec/order/list/get", await TokenAsync(), body)));
    }

    [Fact]
    public async Task Order_list_pages_through_a_window_with_next_key()
    {
        // Orders updated in 2019, a span no other test touches.
        const long start = 1_560_000_000;
        var template = sim.Store.CreateOrders(1).Single();
        var expected = Enumerable.Range(0, 230)
            .Select(i => template with { OrderId = sim.Store.Ids.Next(), UpdateTime = start + i, CreateTime = start + i })
            .ToList();
        expected.ForEach(sim.Store.Put);
        var token = await TokenAsync();

        var pages = new List<(int Count, bool HasMore)>();
        var seen = new List<string>();
        string? nextKey = null;
        do
        {
            var key = nextKey is null ? "" : $",\"next_key\":\"{nextKey}\"";
            var answer = await PostAsync("wechat/channels/ec/order/list/get", token,
                $$"""{"page_size":100,"update_time_range":{"start_time":{{start}},"end_time":{{start + 1000}}}{{key}}}""");
            var ids = answer.GetProperty("order_id_list").EnumerateArray().Select(e => e.GetString()!).ToList();
            var hasMore = answer.GetProperty("has_more").GetBoolean();
            pages.Add((ids.Count, hasMore));
            seen.AddRange(ids);
            nextKey = hasMore ? answer.GetProperty("next_key").GetString() : null;
        }
        while (nextKey is not null);

        Assert.Equal([(100, true), (100, true), (30, false)], pages);
        Assert.Equal(expected.Select(o => o.OrderId), seen);
    }

    [Fact]
    public async Task Calls_beyond_the_configured_rate_get_45009()
    {
        var token = await TokenAsync();
        var order = sim.Store.CreateOrders(1).Single();
        try
        {
            sim.Options.MaxCallsPerSecond = 1;
            var codes = new List<long>();
            for (var i = 0; i < 8; i++)
            {
                codes.Add(ErrCode(await PostAsync("wechat/channels/ec/order/get", token, $$"""{"order_id":"{{order.OrderId}}"}""")));
            }

            Assert.Contains(0L, codes);
            Assert.Contains(45009L, codes);
        }
        finally
        {
            sim.Options.MaxCallsPerSecond = 0;
        }
    }
}
