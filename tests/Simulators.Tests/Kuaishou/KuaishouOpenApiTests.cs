namespace ServerlessSync.Simulators.Tests.Kuaishou;

[Collection(KuaishouSimulatorCollection.Name)]
public sealed class KuaishouOpenApiTests(KuaishouSimulatorFixture sim)
{
    private Dictionary<string, string?> Signed(string method, object param, string? signMethod = null, string? token = null, string? secret = null) =>
        KuaishouApiSigner.BuildRequest(
                sim.Options.AppKey, secret ?? sim.Options.SignSecret, token ?? sim.Options.AccessToken, method, param,
                DateTimeOffset.UtcNow, signMethod ?? KuaishouApiSigner.HmacSha256)
            .Parameters.ToDictionary(p => p.Key, p => (string?)p.Value);

    private async Task<JsonElement> GetAsync(string method, IReadOnlyDictionary<string, string?> parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
        using var response = await sim.Http.GetAsync(sim.Url("kuaishou" + KuaishouApiSigner.PathFor(method) + "?" + query));
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static long Result(JsonElement answer) => answer.GetProperty("result").GetInt64();

    private static object Window(TimeSpan length, int pageSize = 50, string cursor = "", DateTimeOffset? end = null)
    {
        var to = end ?? DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["orderViewStatus"] = 1,
            ["pageSize"] = pageSize,
            ["sort"] = 2,
            ["queryType"] = 2,
            ["beginTime"] = (to - length).ToUnixTimeMilliseconds(),
            ["endTime"] = to.ToUnixTimeMilliseconds(),
            ["cpsType"] = 0,
            ["cursor"] = cursor,
        };
    }

    [Theory]
    [InlineData(KuaishouApiSigner.HmacSha256)]
    [InlineData(KuaishouApiSigner.Md5)]
    public async Task Detail_answers_a_correctly_signed_call_with_the_order(string signMethod)
    {
        var order = sim.Store.CreateOrders(1).Single();

        var answer = await GetAsync(KuaishouApiMethods.OrderDetail, Signed(KuaishouApiMethods.OrderDetail, new JsonObject { ["oid"] = long.Parse(order.Oid) }, signMethod));

        Assert.Equal(1, Result(answer));
        var baseInfo = answer.GetProperty("data").GetProperty("orderBaseInfo");
        Assert.Equal(order.Oid, baseInfo.GetProperty("oid").GetRawText());
        Assert.Equal(order.TotalFee, baseInfo.GetProperty("totalFee").GetInt64());
        Assert.Equal(order.Item.SkuNick, answer.GetProperty("data").GetProperty("orderItemInfo").GetProperty("skuNick").GetString());
    }

    [Fact]
    public async Task Signature_checks_refuse_wrong_secret_tampering_missing_sign_and_unknown_sign_method()
    {
        var param = new JsonObject { ["oid"] = long.Parse(sim.Store.CreateOrders(1).Single().Oid) };
        var tampered = Signed(KuaishouApiMethods.OrderDetail, param);
        tampered["param"] = """{"oid":1}""";
        var missing = Signed(KuaishouApiMethods.OrderDetail, param);
        missing["sign"] = null;
        var unknownMethod = Signed(KuaishouApiMethods.OrderDetail, param);
        unknownMethod["signMethod"] = "SHA1";

        Assert.Equal(KuaishouApiError.SignatureInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, Signed(KuaishouApiMethods.OrderDetail, param, secret: "guessed"))));
        Assert.Equal(KuaishouApiError.SignatureInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, tampered)));
        Assert.Equal(KuaishouApiError.SignatureInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, missing)));
        Assert.Equal(KuaishouApiError.SignMethodInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, unknownMethod)));
    }

    [Fact]
    public async Task Gateway_refuses_unknown_app_key_unknown_token_and_a_stale_timestamp()
    {
        var param = new JsonObject { ["oid"] = 1 };
        var otherApp = Signed(KuaishouApiMethods.OrderDetail, param);
        otherApp["appkey"] = "someone-elses-app";
        var stale = KuaishouApiSigner.BuildRequest(
            sim.Options.AppKey, sim.Options.SignSecret, sim.Options.AccessToken, KuaishouApiMethods.OrderDetail, param, DateTimeOffset.UtcNow.AddHours(-1))
            .Parameters.ToDictionary(p => p.Key, p => (string?)p.Value);

        Assert.Equal(KuaishouApiError.AppKeyInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, otherApp)));
        Assert.Equal(KuaishouApiError.AccessTokenInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, Signed(KuaishouApiMethods.OrderDetail, param, token: "stolen-token"))));
        Assert.Equal(KuaishouApiError.ParameterInvalidResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, stale)));
    }

    [Fact]
    public async Task A_token_only_reaches_its_own_sellers_orders()
    {
        var other = sim.Store.CreateOrders(1, "5000777").Single();
        var param = new JsonObject { ["oid"] = long.Parse(other.Oid) };

        var withDefault = await GetAsync(KuaishouApiMethods.OrderDetail, Signed(KuaishouApiMethods.OrderDetail, param));
        var withOwn = await GetAsync(KuaishouApiMethods.OrderDetail, Signed(KuaishouApiMethods.OrderDetail, param, token: KuaishouOpenApiEndpoints.SellerTokenPrefix + "5000777"));

        Assert.Equal(KuaishouApiError.BusinessFailedResult, Result(withDefault));
        Assert.Equal(1, Result(withOwn));
    }

    [Fact]
    public async Task Cursor_list_enforces_the_seven_day_window_the_ninety_day_look_back_and_fifty_a_page()
    {
        var list = KuaishouApiMethods.OrderCursorList;

        var week = await GetAsync(list, Signed(list, Window(TimeSpan.FromDays(7))));
        var overAWeek = await GetAsync(list, Signed(list, Window(TimeSpan.FromDays(7) + TimeSpan.FromMilliseconds(1))));
        var tooOld = await GetAsync(list, Signed(list, Window(TimeSpan.FromDays(1), end: DateTimeOffset.UtcNow.AddDays(-90))));
        var bigPage = await GetAsync(list, Signed(list, Window(TimeSpan.FromDays(1), pageSize: 51)));

        Assert.Equal(1, Result(week));
        Assert.Equal((KuaishouApiError.ParameterInvalidResult, "查询时间范围不能超过7天"), (Result(overAWeek), overAWeek.GetProperty("sub_msg").GetString()));
        Assert.Equal(KuaishouApiError.ParameterInvalidResult, Result(tooOld));
        Assert.Equal(KuaishouApiError.ParameterInvalidResult, Result(bigPage));
    }

    [Fact]
    public async Task Cursor_list_pages_through_a_sellers_orders_once_each_and_ends_with_nomore()
    {
        const string seller = "5000808";
        var token = KuaishouOpenApiEndpoints.SellerTokenPrefix + seller;
        var created = sim.Store.CreateOrders(23, seller).Select(o => o.Oid).ToHashSet();
        var seen = new List<string>();
        var cursor = "";
        var pages = 0;
        while (cursor != "nomore")
        {
            var answer = await GetAsync(KuaishouApiMethods.OrderCursorList, Signed(KuaishouApiMethods.OrderCursorList, Window(TimeSpan.FromHours(1), pageSize: 10, cursor: cursor), token: token));
            Assert.Equal(1, Result(answer));
            var data = answer.GetProperty("data");
            seen.AddRange(data.GetProperty("orderList").EnumerateArray().Select(o => o.GetProperty("orderBaseInfo").GetProperty("oid").GetRawText()));
            cursor = data.GetProperty("cursor").GetString()!;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(created.Count, seen.Count);
        Assert.Equal(created, seen.ToHashSet());
    }

    [Fact]
    public async Task Injected_faults_answer_500_or_the_throttling_envelope()
    {
        var param = Signed(KuaishouApiMethods.OrderDetail, new JsonObject { ["oid"] = 1 });
        try
        {
            sim.Options.ApiFailureRate = 1;
            var query = string.Join('&', param.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
            using (var failed = await sim.Http.GetAsync(sim.Url("kuaishou/open/order/detail?" + query)))
            {
                Assert.Equal(500, (int)failed.StatusCode);
            }

            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 1;
            Assert.Equal(KuaishouApiError.ThrottledResult, Result(await GetAsync(KuaishouApiMethods.OrderDetail, param)));
        }
        finally
        {
            sim.Options.ApiFailureRate = 0;
            sim.Options.ThrottleRate = 0;
        }
    }
}
