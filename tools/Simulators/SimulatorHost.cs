using Microsoft.AspNetCore.Builder;

namespace ServerlessSync.Simulators;

/// <summary>
/// One Kestrel app serving every simulator under its own path prefix (the platform and ERP base URLs
/// in configuration point here). Tests build it with a port of their choosing.
/// </summary>
public static class SimulatorHost
{
    public const string DefaultUrl = "http://127.0.0.1:7080";

    public static WebApplication Build(string[] args, Action<SimulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var options = SimulatorOptions.From(builder.Configuration);
        configure?.Invoke(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSimulators(options);

        var app = builder.Build();
        app.MapSimulators();
        return app;
    }
}
