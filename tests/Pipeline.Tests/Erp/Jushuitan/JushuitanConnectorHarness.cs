using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Erp.Jushuitan;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Jushuitan;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

/// <summary>The real simulator host on a free loopback port and the connector wired by <c>AddErpConnector("Jushuitan")</c> against it.</summary>
internal sealed class JushuitanConnectorHarness : IAsyncDisposable
{
    private readonly WebApplication _simulator;

    private JushuitanConnectorHarness(WebApplication simulator, ServiceProvider services)
    {
        _simulator = simulator;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IErpConnector Connector => Services.GetRequiredService<IErpConnector>();

    public JushuitanConnector Jushuitan => Services.GetRequiredService<JushuitanConnector>();

    public JushuitanSimulatorState Sim => _simulator.Services.GetRequiredService<JushuitanSimulatorState>();

    public static async Task<JushuitanConnectorHarness> StartAsync(
        Action<JushuitanSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null, TimeProvider? time = null)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.Jushuitan.MaxCallsPerSecond = 0;
            o.Jushuitan.MaxConcurrency = 0;
            o.Jushuitan.Seed = 11;
            o.Jushuitan.CommitThenTimeoutHoldMs = 10_000;
            simulator?.Invoke(o.Jushuitan);
        });
        await app.StartAsync();
        var root = app.Urls.First().TrimEnd('/');
        var sim = app.Services.GetRequiredService<JushuitanSimulatorState>().Options;
        var values = new Dictionary<string, string?>
        {
            ["Erp:Jushuitan:BaseUrl"] = root + "/jushuitan",
            ["Erp:Jushuitan:AppKey"] = sim.AppKey,
            ["Erp:Jushuitan:AppSecret"] = sim.AppSecret,
            ["Erp:Jushuitan:AccessToken"] = sim.AccessToken,
            ["Erp:Jushuitan:ShopId"] = sim.ShopId,
            // Generous: test projects run side by side on a busy machine, where an ordinary call may take seconds. A lost answer
            // is held 10 s by the simulator, past the write timeout.
            ["Erp:Jushuitan:WriteTimeout"] = "00:00:05",
            ["Erp:Jushuitan:ReadAttemptTimeout"] = "00:00:10",
            ["Erp:Jushuitan:ReadTotalTimeout"] = "00:00:30",
            ["Erp:Jushuitan:ReadRetryBaseDelay"] = "00:00:00.020",
            ["Erp:Jushuitan:MaxCallsPerSecond"] = "200",
            ["Erp:Jushuitan:MaxConcurrency"] = "16",
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            collection.AddSingleton(time);
        }

        // Wired as the hosts wire it: the connector's clients behind the ERP governor.
        var services = collection
            .AddSingleton(configuration.GetSection("Erp:Jushuitan").Get<ErpGovernorOptions>()!)
            .AddSingleton<ErpGovernor>()
            .AddTransient<ErpGovernorHandler>()
            .AddErpConnector("Jushuitan", configuration)
            .BuildServiceProvider();
        return new JushuitanConnectorHarness(app, services);
    }

    public long Calls(string api) => Sim.Metrics.Snapshot().CallsByService.GetValueOrDefault(api);

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

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
