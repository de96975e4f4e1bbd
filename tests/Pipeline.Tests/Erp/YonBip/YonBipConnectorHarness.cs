using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Erp.YonBip;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.YonBip;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

/// <summary>The real simulator host on a free loopback port and the connector wired by <c>AddErpConnector("YonBip")</c> against it.</summary>
internal sealed class YonBipConnectorHarness : IAsyncDisposable
{
    private readonly WebApplication _simulator;

    private YonBipConnectorHarness(WebApplication simulator, ServiceProvider services)
    {
        _simulator = simulator;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IErpConnector Connector => Services.GetRequiredService<IErpConnector>();

    public YonBipSimulatorState Sim => _simulator.Services.GetRequiredService<YonBipSimulatorState>();

    public static async Task<YonBipConnectorHarness> StartAsync(
        Action<YonBipSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.YonBip.MaxCallsPerSecond = 0;
            o.YonBip.MaxConcurrency = 0;
            o.YonBip.Seed = 11;
            o.YonBip.CommitThenTimeoutHoldMs = 10_000;
            simulator?.Invoke(o.YonBip);
        });
        await app.StartAsync();
        var root = app.Urls.First().TrimEnd('/');
        var sim = app.Services.GetRequiredService<YonBipSimulatorState>().Options;
        var values = new Dictionary<string, string?>
        {
            ["Erp:Kind"] = "YonBip",
            ["Erp:YonBip:BaseUrl"] = root + "/yonbip",
            ["Erp:YonBip:AppKey"] = sim.AppKey,
            ["Erp:YonBip:AppSecret"] = sim.AppSecret,
            // Generous: test projects run side by side on a busy machine, where an ordinary call may take seconds. A lost answer
            // is held 10 s by the simulator, past the write timeout.
            ["Erp:YonBip:WriteTimeout"] = "00:00:05",
            ["Erp:YonBip:ReadAttemptTimeout"] = "00:00:10",
            ["Erp:YonBip:ReadTotalTimeout"] = "00:00:30",
            ["Erp:YonBip:ReadRetryBaseDelay"] = "00:00:00.020",
            ["Erp:YonBip:MaxCallsPerSecond"] = "200",
            ["Erp:YonBip:MaxConcurrency"] = "16",
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        // Wired as the hosts wire it: the connector's clients behind the ERP governor.
        var services = new ServiceCollection().AddLogging()
            .AddSingleton(configuration.GetSection("Erp:YonBip").Get<ErpGovernorOptions>()!)
            .AddSingleton<ErpGovernor>()
            .AddTransient<ErpGovernorHandler>()
            .AddErpConnector("YonBip", configuration)
            .BuildServiceProvider();
        return new YonBipConnectorHarness(app, services);
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
            CustomFields = new Dictionary<string, string> { ["anchorId"] = "71000001", ["channel"] = "live" },
        };
    }

    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false) => new()
    {
        MaterialNumber = material,
        UnitNumber = DemoCatalog.UnitNumber,
        Quantity = quantity,
        AmountFen = amountFen,
        IsGift = gift,
        WarehouseNumber = DemoCatalog.WarehouseNumber,
    };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _simulator.StopAsync();
        await _simulator.DisposeAsync();
    }
}
