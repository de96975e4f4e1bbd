using ServerlessSync.Simulators.Jushuitan;

namespace ServerlessSync.Simulators.Tests.Jushuitan;

/// <summary>The real simulator host on a free loopback port, with a small raw client for the Jushuitan open API.</summary>
internal sealed class JushuitanSimHost : ErpSimHost<JushuitanSimulatorState, JushuitanSimulatorOptions>
{
    private JushuitanSimHost(WebApplication app)
        : base(app)
    {
    }

    public static async Task<JushuitanSimHost> StartAsync(Action<JushuitanSimulatorOptions>? configure = null) =>
        new(await StartAppAsync(o => o.Jushuitan, configure));

    public JushuitanCredentials Credentials => new(Options.AppKey, Options.AppSecret, Options.AccessToken);

    /// <summary>Posts a signed form; <paramref name="tamper"/> may change fields after signing.</summary>
    public async Task<(int Status, JsonNode? Body)> CallAsync(
        string path, string biz, JushuitanCredentials? credentials = null, long? timestamp = null, Action<Dictionary<string, string>>? tamper = null)
    {
        var fields = JushuitanRequest.Build(credentials ?? Credentials, biz, timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds())
            .ToDictionary(f => f.Key, f => f.Value);
        tamper?.Invoke(fields);
        using var response = await Http.PostAsync("jushuitan/" + path, new FormUrlEncodedContent(fields));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> UploadAsync(params JsonObject[] orders)
    {
        var (_, body) = await CallAsync(JushuitanPaths.OrdersUpload, new JsonArray(orders).ToJsonString());
        return body!;
    }

    public static int Code(JsonNode? answer) => answer!["code"]!.GetValue<int>();

    /// <summary>A valid upload element: 3 × MAT-LIP-01 for ¥100 plus a gift, paid in full.</summary>
    public static JsonObject Order(string soId, string sku = "MAT-LIP-01", string shopStatus = "WAIT_SELLER_SEND_GOODS", decimal paid = 100m) => new()
    {
        ["shop_id"] = 10001,
        ["so_id"] = soId,
        ["order_date"] = "2025-06-18 10:00:00",
        ["shop_status"] = shopStatus,
        ["shop_buyer_id"] = "CUST-DOUYIN-01",
        ["pay_amount"] = 100m,
        ["freight"] = 0m,
        ["items"] = new JsonArray(
            new JsonObject { ["sku_id"] = sku, ["shop_sku_id"] = sku, ["amount"] = 100m, ["base_price"] = 33.3333m, ["price"] = 33.3333m, ["qty"] = 3, ["name"] = "口红", ["outer_oi_id"] = "1" },
            new JsonObject { ["sku_id"] = "MAT-MASK-10", ["shop_sku_id"] = "MAT-MASK-10", ["amount"] = 0m, ["base_price"] = 0m, ["price"] = 0m, ["qty"] = 1, ["name"] = "面膜", ["outer_oi_id"] = "2", ["is_gift"] = true }),
        ["pay"] = new JsonObject { ["outer_pay_id"] = soId, ["pay_date"] = "2025-06-18 10:00:00", ["payment"] = "douyin", ["seller_account"] = "100200300", ["buyer_account"] = "x", ["amount"] = paid },
    };
}
