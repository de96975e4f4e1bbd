using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessSync.Simulators.Kingdee;

public static class KingdeeSimulatorRegistration
{
    public static IServiceCollection AddKingdeeSimulator(this IServiceCollection services, KingdeeSimulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new KingdeeSimulatorState(options, sp.GetService<TimeProvider>()));
        return services;
    }

    public static WebApplication MapKingdeeSimulator(this WebApplication app)
    {
        app.MapKingdeeProtocol();
        app.MapKingdeeInspection();
        return app;
    }
}
