using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessSync.Simulators.Sap;

public static class SapSimulatorRegistration
{
    public static IServiceCollection AddSapSimulator(this IServiceCollection services, SapSimulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new SapSimulatorState(options, sp.GetService<TimeProvider>()));
        return services;
    }

    public static WebApplication MapSapSimulator(this WebApplication app)
    {
        app.MapSapProtocol();
        app.MapSapInspection();
        return app;
    }
}
