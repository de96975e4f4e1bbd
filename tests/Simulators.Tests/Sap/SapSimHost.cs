using System.Net.Http.Headers;
using ServerlessSync.Simulators.Sap;

namespace ServerlessSync.Simulators.Tests.Sap;

/// <summary>The real simulator host on a free loopback port, with a small raw client speaking SAP's OData protocol.</summary>
internal sealed class SapSimHost : ErpSimHost<SapSimulatorState, SapSimulatorOptions>
{
    public const string SalesOrders = "sap/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder";
    public const string SalesOrderRoot = "sap/sap/opu/odata/sap/API_SALES_ORDER_SRV/";
    public const string Stock = "sap/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod";

    // No cookie jar: the tests decide which cookies go with each request.
    private SapSimHost(WebApplication app)
        : base(app, new SocketsHttpHandler { UseCookies = false })
    {
    }

    public static async Task<SapSimHost> StartAsync(Action<SapSimulatorOptions>? configure = null) =>
        new(await StartAppAsync(o => o.Sap, configure));

    public AuthenticationHeaderValue Basic(string? user = null, string? password = null) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user ?? Options.UserName}:{password ?? Options.Password}")));

    /// <summary>GET the service root with <c>X-CSRF-Token: Fetch</c>; returns the token and the cookies as a Cookie header.</summary>
    public async Task<(string Token, string Cookies)> FetchTokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SalesOrderRoot);
        request.Headers.Authorization = Basic();
        request.Headers.Add("X-CSRF-Token", "Fetch");
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var cookies = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return (response.Headers.GetValues("X-CSRF-Token").Single(), cookies);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> PostOrderAsync(JsonObject order, string? token, string? cookies, bool basic = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SalesOrders)
        {
            Content = new StringContent(order.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (basic)
        {
            request.Headers.Authorization = Basic();
        }

        if (token is not null)
        {
            request.Headers.Add("X-CSRF-Token", token);
        }

        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, TryParse(text), response);
    }

    public async Task<(int Status, JsonNode? Body)> GetAsync(string pathAndQuery, bool basic = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (basic)
        {
            request.Headers.Authorization = Basic();
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, TryParse(await response.Content.ReadAsStringAsync()));
    }

    public static JsonObject Order(string purchaseOrder, string material = "MAT-LIP-01", params JsonObject[] moreItems)
    {
        var items = new JsonArray(new JsonObject
        {
            ["SalesOrderItem"] = "10",
            ["Material"] = material,
            ["RequestedQuantity"] = "3",
            ["RequestedQuantityUnit"] = "PC",
            ["Plant"] = "1010",
            ["StorageLocation"] = "101A",
            ["to_PricingElement"] = new JsonArray(new JsonObject
            {
                ["ConditionType"] = "PPR0",
                ["ConditionRateValue"] = "100.00",
                ["ConditionCurrency"] = "CNY",
                ["ConditionQuantity"] = "3",
                ["ConditionQuantityUnit"] = "PC",
            }),
        });
        foreach (var item in moreItems)
        {
            items.Add(item);
        }

        return new JsonObject
        {
            ["SalesOrderType"] = "OR",
            ["SalesOrganization"] = "1010",
            ["DistributionChannel"] = "10",
            ["OrganizationDivision"] = "00",
            ["SoldToParty"] = "10100001",
            ["PurchaseOrderByCustomer"] = purchaseOrder,
            ["TransactionCurrency"] = "CNY",
            ["to_Item"] = items,
        };
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
