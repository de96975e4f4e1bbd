using static ServerlessSync.Simulators.Tests.Jushuitan.JushuitanSimHost;

namespace ServerlessSync.Simulators.Tests.Jushuitan;

public sealed class JushuitanSimulatorProtocolTests
{
    private const string Query = """{"so_ids":["none"]}""";

    [Fact]
    public async Task Public_parameters_are_enforced_sign_app_key_timestamp_token_and_form_encoding()
    {
        await using var sim = await StartAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var (_, ok) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query);
        var (_, badSign) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query, tamper: f => f["biz"] = """{"so_ids":["other"]}""");
        var (_, badKey) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query, sim.Credentials with { AppKey = "other" });
        var (_, wrongSecret) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query, sim.Credentials with { AppSecret = "other" });
        var (_, stale) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query, timestamp: now - 660);
        var (_, nearEdge) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query, timestamp: now - 540);
        var (_, badToken) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query, sim.Credentials with { AccessToken = "other" });
        using var json = await sim.Http.PostAsync("jushuitan/" + JushuitanPaths.OrdersQuery, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(0, Code(ok));
        Assert.Equal(100, Code(badSign));
        Assert.Equal("签名错误", badSign!["msg"]!.GetValue<string>());
        Assert.Equal(101, Code(badKey));
        Assert.Equal(100, Code(wrongSecret));
        Assert.Equal(102, Code(stale));
        Assert.Equal(0, Code(nearEdge));
        Assert.Equal(103, Code(badToken));
        Assert.Equal(130, Code(JsonNode.Parse(await json.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task An_expired_access_token_is_refused_until_get_init_token_renews_it()
    {
        await using var sim = await StartAsync(o => o.AccessTokenLifetimeSeconds = 1);
        await Task.Delay(1100);

        var (_, expired) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query);
        var (_, init) = await sim.CallAsync(JushuitanPaths.InitToken, "", tamper: f =>
        {
            f.Remove("access_token");
            f.Remove("biz");
            f.Remove("version");
            f["grant_type"] = "authorization_code";
            f["code"] = "a1b2c3";
            f["sign"] = JushuitanSigner.Sign(f, sim.Options.AppSecret);
        });
        var (_, renewed) = await sim.CallAsync(JushuitanPaths.OrdersQuery, Query);

        Assert.Equal(103, Code(expired));
        Assert.Equal(0, Code(init));
        Assert.Equal("sim-jst-access-token", init!["data"]!["access_token"]!.GetValue<string>());
        Assert.Equal(0, Code(renewed));
    }

    [Fact]
    public async Task Upload_answers_each_element_and_so_id_is_unique_per_shop()
    {
        await using var sim = await StartAsync();

        var first = await sim.UploadAsync(Order("JST-1"), Order("JST-2", sku: "MAT-NOPE"), Order("JST-3", paid: 50m));
        var again = await sim.UploadAsync(Order("JST-1"), Order("JST-4") is var o ? Shop(o, 99999) : o);
        var update = await sim.UploadAsync(Order("JST-1", shopStatus: "TRADE_FINISHED"));

        var datas = first["data"]!["datas"]!.AsArray();
        Assert.Equal(0, Code(first));
        Assert.True(datas[0]!["issuccess"]!.GetValue<bool>());
        var oId = datas[0]!["o_id"]!.GetValue<long>();
        Assert.False(datas[1]!["issuccess"]!.GetValue<bool>());
        Assert.Contains("MAT-NOPE", datas[1]!["msg"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(datas[2]!["issuccess"]!.GetValue<bool>());
        var duplicate = again["data"]!["datas"]![0]!;
        Assert.False(duplicate["issuccess"]!.GetValue<bool>());
        Assert.Equal("订单已存在", duplicate["msg"]!.GetValue<string>());
        Assert.Equal(oId, duplicate["o_id"]!.GetValue<long>());
        Assert.False(again["data"]!["datas"]![1]!["issuccess"]!.GetValue<bool>());
        Assert.True(update["data"]!["datas"]![0]!["issuccess"]!.GetValue<bool>());
        Assert.Equal(oId, update["data"]!["datas"]![0]!["o_id"]!.GetValue<long>());
        var orders = sim.State.Orders;
        Assert.Equal(2, orders.Count);
        Assert.Equal(["WaitConfirm", "WaitPay"], orders.Select(x => x.Status));
        Assert.Equal("TRADE_FINISHED", orders[0].ShopStatus);
        Assert.True(orders[0].Items[1].IsGift);
    }

    [Fact]
    public async Task Upload_refuses_a_biz_that_is_not_an_array_and_totals_that_do_not_add_up()
    {
        await using var sim = await StartAsync();

        var (_, notArray) = await sim.CallAsync(JushuitanPaths.OrdersUpload, Order("JST-X").ToJsonString());
        var wrongTotal = Order("JST-Y");
        wrongTotal["pay_amount"] = 100.01m;
        var answer = await sim.UploadAsync(wrongTotal);

        Assert.Equal(130, Code(notArray));
        Assert.False(answer["data"]!["datas"]![0]!["issuccess"]!.GetValue<bool>());
        Assert.Empty(sim.State.Orders);
    }

    [Fact]
    public async Task Order_query_needs_a_filter_and_returns_orders_by_so_id()
    {
        await using var sim = await StartAsync();
        await sim.UploadAsync(Order("JST-Q1"), Order("JST-Q2"));

        var (_, bySoId) = await sim.CallAsync(JushuitanPaths.OrdersQuery, JushuitanOrderQuery.BySoIdsBiz(["JST-Q2", "JST-NONE"], "10001"));
        var (_, noFilter) = await sim.CallAsync(JushuitanPaths.OrdersQuery, """{"page_index":1}""");
        var (_, halfRange) = await sim.CallAsync(JushuitanPaths.OrdersQuery, """{"modified_begin":"2025-06-18 00:00:00"}""");

        var orders = bySoId!["data"]!["orders"]!.AsArray();
        Assert.Equal("JST-Q2", orders.Single()!["so_id"]!.GetValue<string>());
        Assert.Equal("WaitConfirm", orders.Single()!["status"]!.GetValue<string>());
        Assert.Equal(130, Code(noFilter));
        Assert.Equal(130, Code(halfRange));
    }

    [Fact]
    public async Task Inventory_pages_with_has_next_and_uploads_raise_order_lock()
    {
        await using var sim = await StartAsync(o => o.Stock["MAT-LIP-02"] = 7);
        await sim.UploadAsync(Order("JST-I1"));
        var skus = "MAT-LIP-01,MAT-LIP-02,MAT-CREAM-50";

        var (_, page1) = await sim.CallAsync(JushuitanPaths.InventoryQuery, $$"""{"sku_ids":"{{skus}}","page_index":1,"page_size":2}""");
        var (_, page2) = await sim.CallAsync(JushuitanPaths.InventoryQuery, $$"""{"sku_ids":"{{skus}}","page_index":2,"page_size":2}""");
        var (_, noFilter) = await sim.CallAsync(JushuitanPaths.InventoryQuery, """{"page_index":1}""");

        var rows = page1!["data"]!["inventorys"]!.AsArray().Concat(page2!["data"]!["inventorys"]!.AsArray()).ToList();
        Assert.True(page1["data"]!["has_next"]!.GetValue<bool>());
        Assert.False(page2["data"]!["has_next"]!.GetValue<bool>());
        Assert.Equal(3, rows.Count);
        var lip = rows.Single(r => r!["sku_id"]!.GetValue<string>() == "MAT-LIP-01")!;
        Assert.Equal(DemoCatalog.DefaultStock, lip["qty"]!.GetValue<decimal>());
        Assert.Equal(3m, lip["order_lock"]!.GetValue<decimal>());
        Assert.Equal(7m, rows.Single(r => r!["sku_id"]!.GetValue<string>() == "MAT-LIP-02")!["qty"]!.GetValue<decimal>());
        Assert.Equal(130, Code(noFilter));
    }

    [Fact]
    public async Task Sku_query_matches_names_in_part_and_codes_exactly_and_refuses_what_the_docs_forbid()
    {
        await using var sim = await StartAsync();
        var end = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddMinutes(1);
        static string China(DateTimeOffset t) => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        string Window(TimeSpan length) => $$"""{"modified_begin":"{{China(end - length)}}","modified_end":"{{China(end)}}"}""";
        var twentyOne = string.Join(',', Enumerable.Range(1, 21).Select(i => $"SKU-{i}"));

        var (_, byName) = await sim.CallAsync(JushuitanPaths.SkuQuery, """{"name":"口红","page_size":50}""");
        var (_, byCodes) = await sim.CallAsync(JushuitanPaths.SkuQuery, """{"sku_ids":"MAT-CREAM-50,MAT-LIP"}""");
        var (_, byWindow) = await sim.CallAsync(JushuitanPaths.SkuQuery, Window(TimeSpan.FromDays(7)));
        var (_, noFilter) = await sim.CallAsync(JushuitanPaths.SkuQuery, """{"page_index":1}""");
        var (_, halfWindow) = await sim.CallAsync(JushuitanPaths.SkuQuery, """{"modified_begin":"2025-06-18 00:00:00"}""");
        var (_, longWindow) = await sim.CallAsync(JushuitanPaths.SkuQuery, Window(TimeSpan.FromDays(8)));
        var (_, tooManyCodes) = await sim.CallAsync(JushuitanPaths.SkuQuery, $$"""{"sku_ids":"{{twentyOne}}"}""");
        var (_, pageTooBig) = await sim.CallAsync(JushuitanPaths.SkuQuery, """{"name":"口红","page_size":51}""");

        static List<string> Skus(JsonNode? answer) => answer!["data"]!["datas"]!.AsArray().Select(r => r!["sku_id"]!.GetValue<string>()).ToList();
        Assert.Equal(["MAT-LIP-01", "MAT-LIP-02"], Skus(byName));
        Assert.Equal("Pcs", byName!["data"]!["datas"]![0]!["unit"]!.GetValue<string>());
        Assert.Equal(["MAT-CREAM-50"], Skus(byCodes));
        Assert.Equal(DemoCatalog.MaterialMaster.Count, Skus(byWindow).Count);
        Assert.Equal((130, 130, 130, 130, 130), (Code(noFilter), Code(halfWindow), Code(longWindow), Code(tooManyCodes), Code(pageTooBig)));
    }

    private static JsonObject Shop(JsonObject order, long shopId)
    {
        order["shop_id"] = shopId;
        return order;
    }
}
