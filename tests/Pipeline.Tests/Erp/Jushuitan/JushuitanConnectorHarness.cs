using ServerlessSync.Pipeline.Erp.Jushuitan;
using ServerlessSync.Simulators.Jushuitan;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

/// <summary>The Jushuitan simulator and the connector wired by <c>AddErpConnector("Jushuitan")</c> against it.</summary>
internal sealed class JushuitanConnectorHarness(WebApplication simulator, ServiceProvider services)
    : ErpConnectorHarness<JushuitanSimulatorState>(simulator, services)
{
    public JushuitanConnector Jushuitan => Services.GetRequiredService<JushuitanConnector>();

    public static async Task<JushuitanConnectorHarness> StartAsync(
        Action<JushuitanSimulatorOptions>? simulator = null, Action<Dictionary<string, string?>>? settings = null, TimeProvider? time = null)
    {
        var (app, root) = await StartSimulatorAsync(o =>
        {
            o.Jushuitan.MaxCallsPerSecond = 0;
            o.Jushuitan.MaxConcurrency = 0;
            o.Jushuitan.Seed = 11;
            o.Jushuitan.CommitThenTimeoutHoldMs = 10_000;
            simulator?.Invoke(o.Jushuitan);
        });
        var sim = app.Services.GetRequiredService<JushuitanSimulatorState>().Options;
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

    public long Calls(string api) => Sim.Metrics.Snapshot().CallsByService.GetValueOrDefault(api);
}
