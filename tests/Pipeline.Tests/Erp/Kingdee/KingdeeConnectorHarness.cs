namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

/// <summary>The K/3 Cloud simulator and the connector wired by <c>AddKingdeeErp</c> against it.</summary>
internal sealed class KingdeeConnectorHarness(WebApplication simulator, ServiceProvider services)
    : ErpConnectorHarness<KingdeeSimulatorState, KingdeeSimulatorOptions>(simulator, services)
{
    public static async Task<KingdeeConnectorHarness> StartAsync(
        Action<KingdeeSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var (app, root, sim) = await StartSimulatorAsync(o => o.Kingdee, simulator);
        var configuration = Configuration("Kingdee", new()
        {
            ["BaseUrl"] = root + "/kingdee/k3cloud/",
            ["AcctId"] = sim.AcctId,
            ["UserName"] = sim.UserName,
            ["AppId"] = sim.AppId,
            ["AppSecret"] = sim.AppSecret,
        }, settings);
        return new KingdeeConnectorHarness(app, new ServiceCollection().AddLogging().AddKingdeeErp(configuration).BuildServiceProvider());
    }

    public override long Calls(string shortService) =>
        Sim.Metrics.Snapshot().CallsByService.Where(p => p.Key.EndsWith("." + shortService, StringComparison.Ordinal)).Sum(p => p.Value);
}
