namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

/// <summary>The YonBIP simulator and the connector wired by <c>AddErpConnector("YonBip")</c> against it.</summary>
internal sealed class YonBipConnectorHarness(WebApplication simulator, ServiceProvider services)
    : ErpConnectorHarness<YonBipSimulatorState, YonBipSimulatorOptions>(simulator, services)
{
    public static async Task<YonBipConnectorHarness> StartAsync(
        Action<YonBipSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null)
    {
        var (app, root, sim) = await StartSimulatorAsync(o => o.YonBip, simulator);
        var configuration = Configuration("YonBip", new()
        {
            ["BaseUrl"] = root + "/yonbip",
            ["AppKey"] = sim.AppKey,
            ["AppSecret"] = sim.AppSecret,
        }, settings);
        return new YonBipConnectorHarness(app, Governed("YonBip", configuration));
    }

    public override long Calls(string api) => Sim.Metrics.Snapshot().CallsByService.GetValueOrDefault(api);
}
