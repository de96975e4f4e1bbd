using Microsoft.Extensions.Configuration;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators;

/// <summary>Knobs of every simulator, bound from the <c>Simulators</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    public DouyinSimulatorOptions Douyin { get; set; } = new();

    public KingdeeSimulatorOptions Kingdee { get; set; } = new();

    public static SimulatorOptions From(IConfiguration configuration)
    {
        var options = new SimulatorOptions();
        configuration.GetSection("Simulators").Bind(options);
        return options;
    }
}
