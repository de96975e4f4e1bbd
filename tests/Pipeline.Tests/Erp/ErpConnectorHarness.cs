using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Pipeline.Tests.Erp;

/// <summary>
/// One ERP's real simulator host on a free loopback port and its connector wired against it, as the hosts wire it
/// (<see cref="ErpServices.AddErpConnector"/>, behind the ERP governor) or by the ERP's own registration alone.
/// </summary>
/// <typeparam name="TState">The simulator's state: its documents, options and metrics.</typeparam>
/// <typeparam name="TOptions">The simulator's options.</typeparam>
internal abstract class ErpConnectorHarness<TState, TOptions> : IAsyncDisposable
    where TState : SimErpState<TOptions>
    where TOptions : SimErpOptions
{
    private readonly WebApplication _simulator;

    protected ErpConnectorHarness(WebApplication simulator, ServiceProvider services)
    {
        _simulator = simulator;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IErpConnector Connector => Services.GetRequiredService<IErpConnector>();

    public TState Sim => _simulator.Services.GetRequiredService<TState>();

    /// <summary>How often the simulator was called for <paramref name="call"/> (a service, operation or API, as the ERP names its calls).</summary>
    public abstract long Calls(string call);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }

    /// <summary>
    /// Starts the simulator host with <paramref name="erp"/>'s simulator unpaced, seeded and holding a lost answer 10 s,
    /// then <paramref name="configure"/>'s changes; returns the host, its root URL and the simulator's options.
    /// </summary>
    protected static async Task<(WebApplication App, string Root, TOptions Sim)> StartSimulatorAsync(
        Func<SimulatorOptions, TOptions> erp, Action<TOptions>? configure)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            var sim = erp(o);
            sim.MaxCallsPerSecond = 0;
            sim.MaxConcurrency = 0;
            sim.Seed = 11;
            sim.CommitThenTimeoutHoldMs = 10_000;
            configure?.Invoke(sim);
        });
        await app.StartAsync();
        return (app, app.Urls.First().TrimEnd('/'), app.Services.GetRequiredService<TState>().Options);
    }

    /// <summary>
    /// The connector's settings: its endpoint and credentials, then timeouts generous enough for test projects running
    /// side by side on a busy machine, where an ordinary call may take seconds (a lost answer is held 10 s by the
    /// simulator, past the write timeout), then <paramref name="settings"/>' changes.
    /// </summary>
    protected static IConfiguration Configuration(
        string kind, Dictionary<string, string?> connection, Action<Dictionary<string, string?>>? settings)
    {
        var values = connection.ToDictionary(p => $"Erp:{kind}:{p.Key}", p => p.Value);
        values[$"Erp:{kind}:WriteTimeout"] = "00:00:05";
        values[$"Erp:{kind}:ReadAttemptTimeout"] = "00:00:10";
        values[$"Erp:{kind}:ReadTotalTimeout"] = "00:00:30";
        values[$"Erp:{kind}:ReadRetryBaseDelay"] = "00:00:00.020";
        values[$"Erp:{kind}:MaxCallsPerSecond"] = "200";
        values[$"Erp:{kind}:MaxConcurrency"] = "16";
        settings?.Invoke(values);
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Wired as the hosts wire it: the connector's clients behind the ERP governor.</summary>
    protected static ServiceProvider Governed(string kind, IConfiguration configuration, TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return services
            .AddSingleton(configuration.GetSection("Erp:" + kind).Get<ErpGovernorOptions>()!)
            .AddSingleton<ErpGovernor>()
            .AddTransient<ErpGovernorHandler>()
            .AddErpConnector(kind, configuration)
            .BuildServiceProvider();
    }
}

/// <summary>The sales orders the connector tests write: the demo shop's customer, organisation, unit and warehouse.</summary>
internal static class ErpTestOrders
{
    public static ErpSalesOrder Order(string externalOrderNo, params ErpSalesOrderLine[] lines)
    {
        lines = lines.Length > 0 ? lines : [Line("MAT-LIP-01", 3, 10000)];
        return new ErpSalesOrder
        {
            ExternalOrderNo = externalOrderNo,
            Platform = "douyin",
            ShopId = DemoCatalog.ShopId,
            CustomerNumber = DemoCatalog.CustomerNumber,
            SalesOrgNumber = DemoCatalog.SalesOrgNumber,
            OrderDate = DateTimeOffset.UtcNow,
            TotalAmountFen = lines.Sum(l => l.AmountFen),
            Lines = lines,
            CustomFields = new Dictionary<string, string> { ["anchorId"] = "71000001", ["channel"] = "live" },
        };
    }

    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false, string lineId = "") => new()
    {
        MaterialNumber = material,
        UnitNumber = DemoCatalog.UnitNumber,
        Quantity = quantity,
        AmountFen = amountFen,
        IsGift = gift,
        WarehouseNumber = DemoCatalog.WarehouseNumber,
        PlatformLineId = lineId,
    };
}
