namespace ServerlessSync.Simulators.Tests.Core;

/// <summary>The shared ERP core, seen from outside: every ERP simulator counts, faults, reports and resets alike.</summary>
public sealed class ErpCoreBehaviourTests
{
    /// <summary>The four ERP simulators, by their path prefix.</summary>
    public static TheoryData<string> Erps => ["kingdee", "sap", "yonbip", "jushuitan"];

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task The_transient_failure_knob_answers_500_is_counted_in_the_metrics_report_and_reset_clears_it(string erp)
    {
        await using var app = await StartAsync(o => Options(o, erp).TransientFailureRate = 1);
        using var http = Client(app);

        using var call = await http.SendAsync(BusinessCall(erp));
        var metrics = await MetricsAsync(http, erp);

        Assert.Equal(HttpStatusCode.InternalServerError, call.StatusCode);
        Assert.Equal(1, metrics["totalCalls"]!.GetValue<long>());
        Assert.Equal(1, metrics["transientFailures"]!.GetValue<long>());
        Assert.Equal(1, metrics[erp == "sap" ? "callsByOperation" : "callsByService"]!.AsObject().Single().Value!.GetValue<long>());

        using var reset = await http.PostAsync($"{erp}/_sim/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, (await MetricsAsync(http, erp))["totalCalls"]!.GetValue<long>());
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_call_over_the_concurrency_cap_is_refused_before_the_erp_reads_it(string erp)
    {
        await using var app = await StartAsync(o =>
        {
            Options(o, erp).MaxConcurrency = 1;
            Options(o, erp).LatencyMs = 1_000;
        });
        using var http = Client(app);

        var slow = http.SendAsync(BusinessCall(erp));
        await WaitForInFlightAsync(http, erp);
        using var refused = await http.SendAsync(BusinessCall(erp));
        using var _ = await slow;
        var metrics = await MetricsAsync(http, erp);

        Assert.Equal(erp == "sap" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(1, metrics[erp == "sap" ? "overloaded" : "throttled"]!.GetValue<long>());
        Assert.Equal(2, metrics["peakConcurrency"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Erps))]
    public async Task A_stock_change_without_a_material_or_with_a_negative_quantity_is_refused(string erp)
    {
        await using var app = await StartAsync(_ => { });
        using var http = Client(app);

        using var negative = await http.PostAsJsonAsync($"{erp}/_sim/stock", new { material = "MAT-LIP-01", quantity = -1 });
        using var unnamed = await http.PostAsJsonAsync($"{erp}/_sim/stock", new { material = " ", quantity = 1 });
        using var valid = await http.PostAsJsonAsync($"{erp}/_sim/stock", new { material = "MAT-LIP-01", quantity = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("non-negative", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, valid.StatusCode);
    }

    private static SimErpOptions Options(SimulatorOptions o, string erp) => erp switch
    {
        "kingdee" => o.Kingdee,
        "sap" => o.Sap,
        "yonbip" => o.YonBip,
        _ => o.Jushuitan,
    };

    /// <summary>A call each ERP counts: without credentials it gets past the shared admission and is then refused by the ERP.</summary>
    private static HttpRequestMessage BusinessCall(string erp) => erp switch
    {
        "kingdee" => new(HttpMethod.Post, "kingdee/k3cloud/Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery.common.kdsvc")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        },
        "sap" => new(HttpMethod.Get, "sap/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"),
        "yonbip" => new(HttpMethod.Post, "yonbip/yonbip/sd/voucherorder/list") { Content = new StringContent("{}", Encoding.UTF8, "application/json") },
        _ => new(HttpMethod.Post, "jushuitan/open/orders/single/query") { Content = new FormUrlEncodedContent([]) },
    };

    private static async Task<JsonObject> MetricsAsync(HttpClient http, string erp) =>
        JsonNode.Parse(await http.GetStringAsync($"{erp}/_sim/metrics"))!.AsObject();

    private static async Task WaitForInFlightAsync(HttpClient http, string erp)
    {
        for (var i = 0; i < 200 && (await MetricsAsync(http, erp))["inFlight"]!.GetValue<int>() == 0; i++)
        {
            await Task.Delay(10);
        }
    }

    private static async Task<WebApplication> StartAsync(Action<SimulatorOptions> configure)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            foreach (var erp in new[] { o.Kingdee, o.Sap, (SimErpOptions)o.YonBip, o.Jushuitan })
            {
                erp.MaxCallsPerSecond = 0;
                erp.Seed = 3;
            }

            configure(o);
        });
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) => new() { BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/") };
}
