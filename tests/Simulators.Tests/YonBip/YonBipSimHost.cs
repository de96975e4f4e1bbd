using ServerlessSync.Simulators.YonBip;

namespace ServerlessSync.Simulators.Tests.YonBip;

/// <summary>The real simulator host on a free loopback port, with a small raw client for the YonBIP open API.</summary>
internal sealed class YonBipSimHost : ErpSimHost<YonBipSimulatorState, YonBipSimulatorOptions>
{
    private YonBipSimHost(WebApplication app)
        : base(app)
    {
    }

    public string? Token { get; private set; }

    public static async Task<YonBipSimHost> StartAsync(Action<YonBipSimulatorOptions>? configure = null) =>
        new(await StartAppAsync(o => o.YonBip, configure));

    public async Task<JsonNode> TokenRawAsync(string appKey, string appSecret)
    {
        var query = YonBipTokenRequest.BuildQuery(appKey, appSecret, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return JsonNode.Parse(await Http.GetStringAsync("yonbip/" + YonBipPaths.AccessToken + "?" + query))!;
    }

    public async Task GetTokenAsync() => Token = (await TokenRawAsync(Options.AppKey, Options.AppSecret))["data"]!["access_token"]!.GetValue<string>();

    /// <summary>POSTs (or GETs when <paramref name="body"/> is null) a business API under the gateway with the current token.</summary>
    public async Task<(int Status, JsonNode? Body)> CallAsync(string path, string? body, string? token = null, string extraQuery = "")
    {
        var url = "yonbip/" + path + "?access_token=" + Uri.EscapeDataString(token ?? Token ?? "") + extraQuery;
        using var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> SaveAsync(string externalOrderNo, string key = "", string product = "MAT-LIP-01", Action<JsonObject>? edit = null)
    {
        var data = SaveData(externalOrderNo, key, product);
        edit?.Invoke(data);
        var (_, body) = await CallAsync(YonBipPaths.SaleOrderSave, new JsonObject { ["data"] = data }.ToJsonString());
        return body!;
    }

    public static string Code(JsonNode? answer) => answer!["code"]!.ToString();

    /// <summary>A valid singleSave <c>data</c>: one sale line of 3 for ¥100 and one gift, payMoney 100.</summary>
    public static JsonObject SaveData(string externalOrderNo, string key = "", string product = "MAT-LIP-01") => new()
    {
        ["resubmitCheckKey"] = key,
        ["_status"] = "Insert",
        ["salesOrgId"] = "100",
        ["transactionTypeId"] = "SO01",
        ["vouchdate"] = "2025-06-18 10:00:00",
        ["agentId"] = "CUST-DOUYIN-01",
        ["settlementOrgId"] = "100",
        ["invoiceAgentId"] = "CUST-DOUYIN-01",
        ["payMoney"] = 100m,
        ["orderPrices!currency"] = "CNY",
        ["orderPrices!natCurrency"] = "CNY",
        ["orderPrices!exchRate"] = 1,
        ["orderPrices!exchangeRateType"] = "01",
        ["orderPrices!taxInclusive"] = true,
        ["headItem"] = new JsonObject { ["define13"] = externalOrderNo },
        ["orderDetails"] = new JsonArray(Line(product, 3, 100m, 88.5m, "SALE"), Line("MAT-MASK-10", 1, 0m, 0m, "GIFT")),
    };

    public static JsonObject Line(string product, int qty, decimal sum, decimal net, string type) => new()
    {
        ["_status"] = "Insert",
        ["productId"] = product,
        ["stockOrgId"] = "100",
        ["settlementOrgId"] = "100",
        ["masterUnitId"] = "PCS",
        ["iProductAuxUnitId"] = "PCS",
        ["iProductUnitId"] = "PCS",
        ["qty"] = qty,
        ["subQty"] = qty,
        ["priceQty"] = qty,
        ["invExchRate"] = 1,
        ["invPriceExchRate"] = 1,
        ["unitExchangeType"] = 0,
        ["unitExchangeTypePrice"] = 0,
        ["taxId"] = "VAT13",
        ["orderProductType"] = type,
        ["oriTaxUnitPrice"] = qty == 0 ? 0 : Math.Round(sum / qty, 6),
        ["oriSum"] = sum,
        ["orderDetailPrices!oriUnitPrice"] = qty == 0 ? 0 : Math.Round(net / qty, 6),
        ["orderDetailPrices!oriMoney"] = net,
        ["orderDetailPrices!oriTax"] = sum - net,
        ["orderDetailPrices!natUnitPrice"] = qty == 0 ? 0 : Math.Round(net / qty, 6),
        ["orderDetailPrices!natTaxUnitPrice"] = qty == 0 ? 0 : Math.Round(sum / qty, 6),
        ["orderDetailPrices!natMoney"] = net,
        ["orderDetailPrices!natSum"] = sum,
        ["orderDetailPrices!natTax"] = sum - net,
        ["stockId"] = "CK001",
    };
}
