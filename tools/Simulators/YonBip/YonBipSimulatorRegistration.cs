using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessSync.Simulators.YonBip;

public static class YonBipSimulatorRegistration
{
    public static IServiceCollection AddYonBipSimulator(this IServiceCollection services, YonBipSimulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new YonBipSimulatorState(options, sp.GetService<TimeProvider>()));
        return services;
    }

    public static WebApplication MapYonBipSimulator(this WebApplication app)
    {
        app.MapYonBipProtocol();
        app.MapYonBipInspection();
        return app;
    }
}
