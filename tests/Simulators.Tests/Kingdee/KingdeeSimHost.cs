using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators.Tests.Kingdee;

/// <summary>The real simulator host on a free loopback port, with a small raw client for the K/3 Cloud protocol.</summary>
internal sealed class KingdeeSimHost : ErpSimHost<KingdeeSimulatorState, KingdeeSimulatorOptions>
{
    private KingdeeSimHost(WebApplication app)
        : base(app)
    {
    }

    public string? SessionId { get; private set; }

    public static async Task<KingdeeSimHost> StartAsync(Action<KingdeeSimulatorOptions>? configure = null) =>
        new(await StartAppAsync(o => o.Kingdee, configure));

    public static string Path(string service) => "kingdee/k3cloud/" + KingdeeServices.Path(service);

    public Task<HttpResponseMessage> LoginRawAsync(string acctId, string userName, string appId, string appSecret) =>
        Http.PostAsync(Path(KingdeeServices.LoginBySign), Json(KingdeeLoginRequest.BuildBody(
            new KingdeeCredentials(acctId, userName, appId, appSecret), DateTimeOffset.UtcNow.ToUnixTimeSeconds())));

    public async Task LoginAsync()
    {
        using var response = await LoginRawAsync(Options.AcctId, Options.UserName, Options.AppId, Options.AppSecret);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        SessionId = body["KDSVCSessionId"]!.GetValue<string>();
    }

    public async Task<(int Status, JsonNode? Body)> CallAsync(string service, string body, bool withSession = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path(service)) { Content = Json(body) };
        if (withSession && SessionId is not null)
        {
            request.Headers.Add("kdservice-sessionid", SessionId);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> SaveAsync(string netOrderNo, string material = "MAT-LIP-01", string customer = "CUST-DOUYIN-01")
    {
        var (_, body) = await CallAsync(KingdeeServices.Save, SaveBody(netOrderNo, material, customer));
        return body!;
    }

    public static string SaveBody(string netOrderNo, string material = "MAT-LIP-01", string customer = "CUST-DOUYIN-01") =>
        KingdeeEnvelope.Raw("SAL_SaleOrder", SaveData(netOrderNo, material, customer));

    public static JsonObject SaveData(string netOrderNo, string material = "MAT-LIP-01", string customer = "CUST-DOUYIN-01") => new()
    {
        ["NeedReturnFields"] = new JsonArray("FBillNo"),
        ["IsAutoSubmitAndAudit"] = "false",
        ["Model"] = new JsonObject
        {
            ["FID"] = 0,
            ["FBillTypeID"] = new JsonObject { ["FNUMBER"] = "XSDD01_SYS" },
            ["FDate"] = "2025-06-18 00:00:00",
            ["FSaleOrgId"] = new JsonObject { ["FNumber"] = "100" },
            ["FCustId"] = new JsonObject { ["FNumber"] = customer },
            ["FNetOrderBillNo"] = netOrderNo,
            ["FSaleOrderFinance"] = new JsonObject { ["FSettleCurrId"] = new JsonObject { ["FNumber"] = "PRE001" } },
            ["FSaleOrderEntry"] = new JsonArray(new JsonObject
            {
                ["FMaterialId"] = new JsonObject { ["FNumber"] = material },
                ["FUnitID"] = new JsonObject { ["FNumber"] = "Pcs" },
                ["FQty"] = 3,
                ["FTaxPrice"] = 33.333333m,
                ["FAllAmount"] = 100m,
                ["FIsFree"] = "false",
                ["FStockId"] = new JsonObject { ["FNumber"] = "CK001" },
            }),
        },
    };

    /// <summary>A raw BatchSave body whose Model array holds one bill per platform order number (and material).</summary>
    public static string BatchSaveBody(bool autoSubmitAndAudit, params (string NetOrderNo, string Material)[] bills) =>
        KingdeeEnvelope.Raw("SAL_SaleOrder", new JsonObject
        {
            ["NeedReturnFields"] = new JsonArray("FBillNo"),
            ["IsAutoSubmitAndAudit"] = autoSubmitAndAudit ? "true" : "false",
            ["Model"] = new JsonArray(bills.Select(b => SaveData(b.NetOrderNo, b.Material)["Model"]!.DeepClone()).ToArray()),
        });

    public Task<HttpResponseMessage> PostJsonAsync(string path, object value) => Http.PostAsJsonAsync(path, value);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
