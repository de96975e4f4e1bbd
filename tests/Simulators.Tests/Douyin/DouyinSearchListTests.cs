namespace ServerlessSync.Simulators.Tests.Douyin;

[Collection(DouyinSimulatorCollection.Name)]
public sealed class DouyinSearchListTests(DouyinSimulatorFixture sim)
{
    private static readonly long T0 = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeSeconds();

    /// <summary>A shop of its own per test, reached through its own token, so orders other tests create never show up.</summary>
    private string NewShop(out string token)
    {
        var shopId = Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        token = "token-" + shopId;
        sim.Options.ShopAccessTokens[token] = shopId;
        return shopId;
    }

    /// <summary>Orders of <paramref name="shopId"/> whose update times are T0 + the given offsets (seconds).</summary>
    private List<DouyinSimOrder> Orders(string shopId, params long[] updateOffsets)
    {
        var orders = sim.Store.CreateOrders(updateOffsets.Length, shopId)
            .Select((o, i) => o with { CreateTime = T0 - 100 + i, UpdateTime = T0 + updateOffsets[i] })
            .ToList();
        orders.ForEach(sim.Store.Put);
        return orders;
    }

    private async Task<JsonDocument> SearchAsync(JsonObject param, string token, string path = DouyinSearchListEndpoint.Path, string? signedPath = null)
    {
        var request = DouyinApiSigner.BuildRequest(sim.Options.AppKey, sim.Options.AppSecret, token, signedPath ?? path, param, DateTimeOffset.UtcNow);
        using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        var query = request.PathAndQuery[request.PathAndQuery.IndexOf('?', StringComparison.Ordinal)..];
        using var response = await sim.Http.PostAsync(sim.Url("douyin" + path + query), content);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static JsonObject ByUpdate(long start, long end, int page, int size) =>
        DouyinSearchListQuery.ByUpdateTime(DateTimeOffset.FromUnixTimeSeconds(start), DateTimeOffset.FromUnixTimeSeconds(end), page, size).ToBusinessParams();

    private static (long Code, string SubCode) Envelope(JsonDocument doc) =>
        (doc.RootElement.GetProperty("code").GetInt64(), doc.RootElement.GetProperty("sub_code").GetString()!);

    private static List<string> Ids(JsonDocument doc) =>
        doc.RootElement.GetProperty("data").GetProperty("shop_order_list").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()!).ToList();

    [Fact]
    public async Task Lists_the_shops_orders_changed_in_the_window_by_update_time_page_by_page()
    {
        var shop = NewShop(out var token);
        var orders = Orders(shop, 50, 10, 30, 20, 40, -1, 61);
        Orders(NewShop(out _), 10, 20); // another shop's orders in the same window

        var pages = new List<List<string>>();
        long total = -1;
        for (var page = 0; page < 3; page++)
        {
            using var doc = await SearchAsync(ByUpdate(T0, T0 + 60, page, 2), token);
            var data = doc.RootElement.GetProperty("data");
            Assert.Equal((10000L, page, 2), (Envelope(doc).Code, data.GetProperty("page").GetInt32(), data.GetProperty("size").GetInt32()));
            total = data.GetProperty("total").GetInt64();
            pages.Add(Ids(doc));
        }

        Assert.Equal(5, total); // -1 and +61 lie outside [T0, T0 + 60]
        string Id(int index) => orders[index].OrderId;
        Assert.Equal([[Id(1), Id(3)], [Id(2), Id(4)], [Id(0)]], pages);
    }

    [Fact]
    public async Task Both_window_ends_are_included_and_entries_are_full_shop_orders()
    {
        var shop = NewShop(out var token);
        var orders = Orders(shop, 0, 60);

        using var doc = await SearchAsync(ByUpdate(T0, T0 + 60, 0, 100), token);

        Assert.Equal([orders[0].OrderId, orders[1].OrderId], Ids(doc));
        var first = doc.RootElement.GetProperty("data").GetProperty("shop_order_list")[0];
        Assert.Equal(long.Parse(shop, System.Globalization.CultureInfo.InvariantCulture), first.GetProperty("shop_id").GetInt64());
        Assert.Equal(T0, first.GetProperty("update_time").GetInt64());
        Assert.Equal(orders[0].Lines.Count, first.GetProperty("sku_order_list").GetArrayLength());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_and_still_reports_the_total()
    {
        var shop = NewShop(out var token);
        Orders(shop, 1, 2, 3);

        using var doc = await SearchAsync(ByUpdate(T0, T0 + 60, 5, 100), token);

        Assert.Empty(Ids(doc));
        Assert.Equal(3, doc.RootElement.GetProperty("data").GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Without_order_asc_the_list_runs_newest_first_by_create_time()
    {
        var shop = NewShop(out var token);
        var orders = Orders(shop, 1, 2, 3);
        var param = new JsonObject { ["create_time_start"] = T0 - 200, ["create_time_end"] = T0, ["page"] = 0, ["size"] = 10 };

        using var doc = await SearchAsync(param, token);

        Assert.Equal(orders.Select(o => o.OrderId).Reverse(), Ids(doc));
    }

    [Fact]
    public async Task Size_above_100_is_a_parameter_error_and_100_is_allowed()
    {
        var shop = NewShop(out var token);
        Orders(shop, 1);

        var oversized = ByUpdate(T0, T0 + 60, 0, 100);
        oversized["size"] = 101;

        using var tooLarge = await SearchAsync(oversized, token);
        using var largest = await SearchAsync(ByUpdate(T0, T0 + 60, 0, 100), token);

        Assert.Equal((40003L, "isv.parameter-invalid"), Envelope(tooLarge));
        Assert.Equal(10000L, Envelope(largest).Code);
    }

    [Fact]
    public async Task A_window_longer_than_the_limit_is_refused_and_exactly_the_limit_is_served()
    {
        NewShop(out var token);
        var limit = sim.Options.MaxSearchWindowHours * 3600L;

        using var tooLong = await SearchAsync(ByUpdate(T0, T0 + limit + 1, 0, 100), token);
        using var exact = await SearchAsync(ByUpdate(T0, T0 + limit, 0, 100), token);
        using var noStart = await SearchAsync(new JsonObject { ["update_time_end"] = T0, ["size"] = 10 }, token);

        Assert.Equal(24, sim.Options.MaxSearchWindowHours);
        Assert.Equal((40003L, "isv.parameter-invalid"), Envelope(tooLong));
        Assert.Equal(10000L, Envelope(exact).Code);
        Assert.Equal(40003L, Envelope(noStart).Code);
    }

    [Fact]
    public async Task The_gateway_checks_apply_signature_and_method_included()
    {
        NewShop(out var token);
        var param = ByUpdate(T0, T0 + 60, 0, 100);

        // Signed for order.orderDetail but sent to /order/searchList: the method does not match the path.
        using var wrongMethod = await SearchAsync(param, token, signedPath: "/order/orderDetail");
        var request = DouyinApiSigner.BuildRequest(sim.Options.AppKey, "wrong-secret", token, DouyinSearchListEndpoint.Path, param, DateTimeOffset.UtcNow);
        using var content = new StringContent(request.Body, Encoding.UTF8, "application/json");
        using var response = await sim.Http.PostAsync(sim.Url("douyin" + request.PathAndQuery), content);
        using var badSign = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal((40003L, "isv.parameter-invalid"), Envelope(wrongMethod));
        Assert.Equal((40003L, "isv.signature-invalid"), Envelope(badSign));
    }

    [Fact]
    public async Task Throttle_knob_answers_60000()
    {
        NewShop(out var token);
        try
        {
            sim.Options.ThrottleRate = 1;
            using var doc = await SearchAsync(ByUpdate(T0, T0 + 60, 0, 100), token);
            Assert.Equal((60000L, "isv.traffic-limited"), Envelope(doc));
        }
        finally
        {
            sim.Options.ThrottleRate = 0;
        }
    }
}
