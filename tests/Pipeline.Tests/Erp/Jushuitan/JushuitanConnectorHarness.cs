namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

/// <summary>The Jushuitan simulator and the connector wired by <c>AddErpConnector("Jushuitan")</c> against it.</summary>
internal sealed class JushuitanConnectorHarness(WebApplication simulator, ServiceProvider services)
    : ErpConnectorHarness<JushuitanSimulatorState, JushuitanSimulatorOptions>(simulator, services)
{
    public JushuitanConnector Jushuitan => Services.GetRequiredService<JushuitanConnector>();

    public static async Task<JushuitanConnectorHarness> StartAsync(
        Action<JushuitanSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null, TimeProvider? time = null)
    {
        var (app, root, sim) = await StartSimulatorAsync(o => o.Jushuitan, simulator);
        var configuration = Configuration("Jushuitan", new()
        {
            ["BaseUrl"] = root + "/jushuitan",
            ["AppKey"] = sim.AppKey,
            ["AppSecret"] = sim.AppSecret,
            ["AccessToken"] = sim.AccessToken,
            ["ShopId"] = sim.ShopId,
        }, settings);
        return new JushuitanConnectorHarness(app, Governed("Jushuitan", configuration, time));
    }

    public override long Calls(string api) => Sim.Metrics.Snapshot().CallsByService.GetValueOrDefault(api);
}
