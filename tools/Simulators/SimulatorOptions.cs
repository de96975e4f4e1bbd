using Microsoft.Extensions.Configuration;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;
using ServerlessSync.Simulators.Sap;
using ServerlessSync.Simulators.Kuaishou;
using ServerlessSync.Simulators.Taobao;
using ServerlessSync.Simulators.WeChat;
using ServerlessSync.Simulators.YonBip;
using ServerlessSync.Simulators.Jushuitan;

namespace ServerlessSync.Simulators;

/// <summary>Knobs of every simulator, bound from the <c>Simulators</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    public DouyinSimulatorOptions Douyin { get; set; } = new();

    public KingdeeSimulatorOptions Kingdee { get; set; } = new();

    public SapSimulatorOptions Sap { get; set; } = new();

    public KuaishouSimulatorOptions Kuaishou { get; set; } = new();

    public WeChatSimulatorOptions WeChat { get; set; } = new();

    public TaobaoSimulatorOptions Taobao { get; set; } = new();

    public YonBipSimulatorOptions YonBip { get; set; } = new();

    public JushuitanSimulatorOptions Jushuitan { get; set; } = new();

    public static SimulatorOptions From(IConfiguration configuration)
    {
        var options = new SimulatorOptions();
        configuration.GetSection("Simulators").Bind(options);
        return options;
    }
}
