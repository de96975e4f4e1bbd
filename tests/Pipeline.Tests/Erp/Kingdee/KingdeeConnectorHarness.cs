using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Erp.Kingdee;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

/// <summary>The real simulator host on a free loopback port and the connector wired by <c>AddKingdeeErp</c> against it.</summary>
internal sealed class KingdeeConnectorHarness : IAsyncDisposable
{
    private readonly WebApplication _simulator;

    private KingdeeConnectorHarness(WebApplication simulator, ServiceProvider services)
    {
        _simulator = simulator;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IErpConnector Connector => Services.GetRequiredService<IErpConnector>();

    public KingdeeSimulatorState Sim => _simulator.Services.GetRequiredService<KingdeeSimulatorState>();

    public static async Task<KingdeeConnectorHarness> StartAsync(
        Action<KingdeeSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.Kingdee.MaxCallsPerSecond = 0;
            o.Kingdee.MaxConcurrency = 0;
            o.Kingdee.Seed = 11;
            o.Kingdee.CommitThenTimeoutHoldMs = 10_000;
            simulator?.Invoke(o.Kingdee);
        });
        await app.StartAsync();
        var root = app.Urls.First().TrimEnd('/');
        var sim = app.Services.GetRequiredService<KingdeeSimulatorState>().Options;
        var values = new Dictionary<string, string?>
        {
            ["Erp:Kingdee:BaseUrl"] = root + "/kingdee/k3cloud/",
            ["Erp:Kingdee:AcctId"] = sim.AcctId,
            ["Erp:Kingdee:UserName"] = sim.UserName,
            ["Erp:Kingdee:AppId"] = sim.AppId,
            ["Erp:Kingdee:AppSecret"] = sim.AppSecret,
            // Generous: test projects run side by side on a busy machine, where an ordinary call may take seconds. A lost answer
            // is held 10 s by the simulator, past the write timeout.
            ["Erp:Kingdee:WriteTimeout"] = "00:00:05",
            ["Erp:Kingdee:ReadAttemptTimeout"] = "00:00:10",
            ["Erp:Kingdee:ReadTotalTimeout"] = "00:00:30",
            ["Erp:Kingdee:ReadRetryBaseDelay"] = "00:00:00.020",
        };
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddKingdeeErp(configuration).BuildServiceProvider();
        return new KingdeeConnectorHarness(app, services);
    }

    public long Calls(string shortService) =>
        Sim.Metrics.Snapshot().CallsByService.Where(p => p.Key.EndsWith("." + shortService, StringComparison.Ordinal)).Sum(p => p.Value);

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
