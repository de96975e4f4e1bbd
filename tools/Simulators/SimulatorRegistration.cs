using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Douyin;
using ServerlessSync.Simulators.Kingdee;

namespace ServerlessSync.Simulators;

public static class SimulatorRegistration
{
    public static IServiceCollection AddSimulators(this IServiceCollection services, SimulatorOptions options)
    {
        services.AddDouyinSimulator(options.Douyin);
        services.AddKingdeeSimulator(options.Kingdee);
        return services;
    }

    public static WebApplication MapSimulators(this WebApplication app)
    {
        app.MapGet("/_sim/health", () => Results.Ok(new { status = "ok" }));
        app.MapDouyinSimulator();
        app.MapKingdeeSimulator();
        return app;
    }
}
