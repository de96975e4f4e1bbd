using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;
using ServerlessSync.Simulators.Sap;
using ServerlessSync.Simulators.Kuaishou;
using ServerlessSync.Simulators.Taobao;
using ServerlessSync.Simulators.WeChat;
using ServerlessSync.Simulators.YonBip;
using ServerlessSync.Simulators.Jushuitan;

namespace ServerlessSync.Simulators;

public static class SimulatorRegistration
{
    public static IServiceCollection AddSimulators(this IServiceCollection services, SimulatorOptions options)
    {
        services.AddDouyinSimulator(options.Douyin);
        services.AddKingdeeSimulator(options.Kingdee);
        services.AddSapSimulator(options.Sap);
        services.AddKuaishouSimulator(options.Kuaishou);
        services.AddWeChatSimulator(options.WeChat);
        services.AddTaobaoSimulator(options.Taobao);
        services.AddYonBipSimulator(options.YonBip);
        services.AddJushuitanSimulator(options.Jushuitan);
        return services;
    }

    public static WebApplication MapSimulators(this WebApplication app)
    {
        app.MapGet("/_sim/health", () => Results.Ok(new { status = "ok" }));
        app.MapDouyinSimulator();
        app.MapKingdeeSimulator();
        app.MapSapSimulator();
        app.MapKuaishouSimulator();
        app.MapWeChatSimulator();
        app.MapTaobaoSimulator();
        app.MapYonBipSimulator();
        app.MapJushuitanSimulator();
        return app;
    }
}
