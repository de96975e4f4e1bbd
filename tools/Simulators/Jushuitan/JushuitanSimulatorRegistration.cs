using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessSync.Simulators.Jushuitan;

public static class JushuitanSimulatorRegistration
{
    public static IServiceCollection AddJushuitanSimulator(this IServiceCollection services, JushuitanSimulatorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp => new JushuitanSimulatorState(options, sp.GetService<TimeProvider>()));
        return services;
    }

    public static WebApplication MapJushuitanSimulator(this WebApplication app)
    {
        // Created now rather than on the first call, so the access token's lifetime counts from start-up.
        _ = app.Services.GetRequiredService<JushuitanSimulatorState>();
        app.MapJushuitanProtocol();
        app.MapJushuitanInspection();
        return app;
    }
}
