using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Erp.Sap;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Sap;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

/// <summary>The real simulator host on a free loopback port and the connector wired by <c>AddSapErp</c> against it.</summary>
internal sealed class SapConnectorHarness : IAsyncDisposable
{
    private readonly WebApplication _simulator;

    private SapConnectorHarness(WebApplication simulator, ServiceProvider services)
    {
        _simulator = simulator;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IErpConnector Connector => Services.GetRequiredService<IErpConnector>();

    public SapSimulatorState Sim => _simulator.Services.GetRequiredService<SapSimulatorState>();

    public static async Task<SapConnectorHarness> StartAsync(
        Action<SapSimulatorOptions>? simulator = null,
        Action<Dictionary<string, string?>>? settings = null,
        Func<IServiceCollection, IConfiguration, IServiceCollection>? register = null)
    {
        var app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"], o =>
        {
            o.Sap.MaxCallsPerSecond = 0;
            o.Sap.MaxConcurrency = 0;
            o.Sap.Seed = 11;
            o.Sap.CommitThenTimeoutHoldMs = 10_000;
            simulator?.Invoke(o.Sap);
        });
        await app.StartAsync();
        var sim = app.Services.GetRequiredService<SapSimulatorState>().Options;
        var values = Settings(app.Urls.First().TrimEnd('/') + "/sap", sim);
        settings?.Invoke(values);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = (register ?? ((s, c) => s.AddSapErp(c)))(new ServiceCollection().AddLogging(), configuration).BuildServiceProvider();
        return new SapConnectorHarness(app, services);
    }

    public static Dictionary<string, string?> Settings(string baseUrl, SapSimulatorOptions sim) => new()
    {
        ["Erp:Sap:BaseUrl"] = baseUrl,
        ["Erp:Sap:UserName"] = sim.UserName,
        ["Erp:Sap:Password"] = sim.Password,
        ["Erp:Sap:SalesOrganization"] = SapSimCatalog.SalesOrganization,
        ["Erp:Sap:DistributionChannel"] = SapSimCatalog.DistributionChannel,
        ["Erp:Sap:OrganizationDivision"] = SapSimCatalog.OrganizationDivision,
        ["Erp:Sap:Plant"] = SapSimCatalog.Plant,
        ["Erp:Sap:StorageLocation"] = SapSimCatalog.StorageLocation,
        ["Erp:Sap:SoldToParties:" + DemoCatalog.CustomerNumber] = SapSimCatalog.SoldToParty,
        ["Erp:Sap:Units:" + DemoCatalog.UnitNumber] = SapSimCatalog.BaseUnit,
        // Long enough for a write on a busy 2-core machine; the simulator holds a commit-then-timeout answer 10 s.
        // Generous: test projects run side by side on a busy machine, where an ordinary call may take seconds. A lost answer
        // is held 10 s by the simulator, past the write timeout.
        ["Erp:Sap:WriteTimeout"] = "00:00:05",
        ["Erp:Sap:ReadAttemptTimeout"] = "00:00:10",
        ["Erp:Sap:ReadTotalTimeout"] = "00:00:30",
        ["Erp:Sap:ReadRetryBaseDelay"] = "00:00:00.020",
    };

    public long Calls(string operation) =>
        Sim.Metrics.Snapshot().CallsByOperation.GetValueOrDefault(operation);

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
