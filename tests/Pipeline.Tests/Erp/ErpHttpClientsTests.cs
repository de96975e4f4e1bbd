using Polly.CircuitBreaker;

namespace ServerlessSync.Pipeline.Tests.Erp;

/// <summary>The one registration of the four ERPs' HTTP clients, with each ERP's settings from its options.</summary>
public sealed class ErpHttpClientsTests
{
    private static readonly Dictionary<string, Dictionary<string, string?>> MinimalSettings = new()
    {
        ["Kingdee"] = new() { ["AcctId"] = "a", ["UserName"] = "u", ["AppId"] = "x_y", ["AppSecret"] = "s" },
        ["Sap"] = new() { ["UserName"] = "u", ["Password"] = "p", ["SalesOrganization"] = "1710", ["DistributionChannel"] = "10", ["OrganizationDivision"] = "00", ["Plant"] = "1710" },
        ["YonBip"] = new() { ["AppKey"] = "k", ["AppSecret"] = "s" },
        ["Jushuitan"] = new() { ["AppKey"] = "k", ["AppSecret"] = "s", ["AccessToken"] = "t", ["ShopId"] = "1" },
    };

    private static readonly Dictionary<string, Func<IServiceCollection, IConfiguration, IServiceCollection>> Register = new()
    {
        ["Kingdee"] = (s, c) => s.AddKingdeeErp(c).AddSingleton<ErpHttpOptions>(sp => sp.GetRequiredService<IOptions<ServerlessSync.Pipeline.Erp.Kingdee.KingdeeOptions>>().Value),
        ["Sap"] = (s, c) => s.AddSapErp(c).AddSingleton<ErpHttpOptions>(sp => sp.GetRequiredService<IOptions<ServerlessSync.Pipeline.Erp.Sap.SapOptions>>().Value),
        ["YonBip"] = (s, c) => s.AddYonBipErp(c).AddSingleton<ErpHttpOptions>(sp => sp.GetRequiredService<IOptions<ServerlessSync.Pipeline.Erp.YonBip.YonBipOptions>>().Value),
        ["Jushuitan"] = (s, c) => s.AddJushuitanErp(c).AddSingleton<ErpHttpOptions>(sp => sp.GetRequiredService<IOptions<ServerlessSync.Pipeline.Erp.Jushuitan.JushuitanOptions>>().Value),
    };

    /// <summary>Answers every request with 500 and counts what reached it.</summary>
    private sealed class FailingServer : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
        }
    }

    private static IConfiguration Configuration(string kind, params (string Key, string Value)[] extra)
    {
        var values = MinimalSettings[kind].ToDictionary(p => $"Erp:{kind}:{p.Key}", p => p.Value);
        values[$"Erp:{kind}:BaseUrl"] = "http://127.0.0.1:1/erp/";
        foreach (var (key, value) in extra)
        {
            values[$"Erp:{kind}:{key}"] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Theory]
    [InlineData("Kingdee")]
    [InlineData("Sap")]
    [InlineData("YonBip")]
    [InlineData("Jushuitan")]
    public void Every_erp_registers_its_connector_and_both_clients_and_keeps_the_15_second_break_by_default(string kind)
    {
        using var services = Register[kind](new ServiceCollection().AddLogging(), Configuration(kind)).BuildServiceProvider();

        Assert.Equal(kind, services.GetRequiredService<IErpConnector>().Kind);
        Assert.Same(services.GetRequiredService<IErpConnector>(), services.GetRequiredService<IErpShipmentSource>());
        Assert.Same(services.GetRequiredService<IErpConnector>(), services.GetRequiredService<IErpMaterialSearch>());
        var factory = services.GetRequiredService<IHttpClientFactory>();
        Assert.NotNull(factory.CreateClient(ErpHttpClients.ReadClient(kind)));
        Assert.NotNull(factory.CreateClient(ErpHttpClients.WriteClient(kind)));
        Assert.Equal(TimeSpan.FromSeconds(15), services.GetRequiredService<ErpHttpOptions>().WriteBreakDuration);
    }

    [Fact]
    public async Task The_write_clients_circuit_stays_open_for_the_configured_break_duration()
    {
        var time = new ManualTimeProvider();
        var server = new FailingServer();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time)
            .AddKingdeeErp(Configuration("Kingdee", ("WriteBreakDuration", "00:01:00")));
        services.AddHttpClient(ErpHttpClients.WriteClient("Kingdee")).ConfigurePrimaryHttpMessageHandler(() => server);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ErpHttpClients.WriteClient("Kingdee"));

        for (var i = 0; i < 10; i++)
        {
            using var failed = await client.PostAsync("http://127.0.0.1:1/erp/save", null);
        }

        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.PostAsync("http://127.0.0.1:1/erp/save", null));
        time.Advance(TimeSpan.FromSeconds(59));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.PostAsync("http://127.0.0.1:1/erp/save", null));
        time.Advance(TimeSpan.FromSeconds(2));
        using var probe = await client.PostAsync("http://127.0.0.1:1/erp/save", null);

        Assert.Equal(11, server.Requests);
    }

    [Theory]
    [InlineData("00:00:00.100")]
    [InlineData("2.00:00:00")]
    public void A_write_break_outside_what_the_circuit_breaker_accepts_fails_start(string duration)
    {
        using var services = new ServiceCollection().AddLogging()
            .AddSapErp(Configuration("Sap", ("WriteBreakDuration", duration))).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ServerlessSync.Pipeline.Erp.Sap.SapOptions>>().Value);

        Assert.Contains("WriteBreakDuration must be between 0.5 s and 1 day", error.Message, StringComparison.Ordinal);
    }
}
