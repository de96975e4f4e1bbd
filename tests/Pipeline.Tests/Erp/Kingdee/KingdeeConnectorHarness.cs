using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

/// <summary>The K/3 Cloud simulator and the connector wired by <c>AddKingdeeErp</c> against it.</summary>
internal sealed class KingdeeConnectorHarness(WebApplication simulator, ServiceProvider services)
    : ErpConnectorHarness<KingdeeSimulatorState>(simulator, services)
{
    public static async Task<KingdeeConnectorHarness> StartAsync(
        Action<KingdeeSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var (app, root) = await StartSimulatorAsync(o =>
        {
            o.Kingdee.MaxCallsPerSecond = 0;
            o.Kingdee.MaxConcurrency = 0;
            o.Kingdee.Seed = 11;
            o.Kingdee.CommitThenTimeoutHoldMs = 10_000;
            simulator?.Invoke(o.Kingdee);
        });
        var sim = app.Services.GetRequiredService<KingdeeSimulatorState>().Options;
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

    public long Calls(string shortService) =>
        Sim.Metrics.Snapshot().CallsByService.Where(p => p.Key.EndsWith("." + shortService, StringComparison.Ordinal)).Sum(p => p.Value);
}
