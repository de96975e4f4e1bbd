namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

/// <summary>The S/4HANA simulator and the connector wired by <c>AddSapErp</c> (or <paramref name="register"/>) against it.</summary>
internal sealed class SapConnectorHarness(WebApplication simulator, ServiceProvider services)
    : ErpConnectorHarness<SapSimulatorState, SapSimulatorOptions>(simulator, services)
{
    public static async Task<SapConnectorHarness> StartAsync(
        Action<SapSimulatorOptions>? simulator = null,
        Action<Dictionary<string, string?>>? settings = null,
        Func<IServiceCollection, IConfiguration, IServiceCollection>? register = null)
    {
        var (app, root, sim) = await StartSimulatorAsync(o => o.Sap, simulator);
        var configuration = Configuration("Sap", new()
        {
            ["BaseUrl"] = root + "/sap",
            ["UserName"] = sim.UserName,
            ["Password"] = sim.Password,
            ["SalesOrganization"] = SapSimCatalog.SalesOrganization,
            ["DistributionChannel"] = SapSimCatalog.DistributionChannel,
            ["OrganizationDivision"] = SapSimCatalog.OrganizationDivision,
            ["Plant"] = SapSimCatalog.Plant,
            ["StorageLocation"] = SapSimCatalog.StorageLocation,
            ["SoldToParties:" + DemoCatalog.CustomerNumber] = SapSimCatalog.SoldToParty,
            ["Units:" + DemoCatalog.UnitNumber] = SapSimCatalog.BaseUnit,
        }, settings);
        register ??= (s, c) => s.AddSapErp(c);
        return new SapConnectorHarness(app, register(new ServiceCollection().AddLogging(), configuration).BuildServiceProvider());
    }

    public override long Calls(string operation) => Sim.Metrics.Snapshot().CallsByOperation.GetValueOrDefault(operation);
}
