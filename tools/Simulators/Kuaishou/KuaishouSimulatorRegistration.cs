using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Simulators.Kuaishou;

public static class KuaishouSimulatorRegistration
{
    public const string RoutePrefix = "/kuaishou";
    public const string PushHttpClientName = "kuaishou-sim-push";

    public static IServiceCollection AddKuaishouSimulator(this IServiceCollection s, KuaishouSimulatorOptions o)
    {
        s.AddSingleton(o);
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<KuaishouOrderStore>();
        s.AddSingleton<KuaishouSimStock>();
        s.AddSingleton<KuaishouSimulatorFaults>();
        s.AddHttpClient(PushHttpClientName);
        s.AddTransient(sp => new KuaishouPushSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(PushHttpClientName)));
        s.AddSingleton(sp => new KuaishouBurstRegistry(
            () => new KuaishouBurstPlayer(sp.GetRequiredService<KuaishouOrderStore>(), sp.GetRequiredService<KuaishouPushSender>(), o),
            sp.GetRequiredService<IHostApplicationLifetime>()));
        return s;
    }

    /// <summary>Maps the open API (<c>GET /kuaishou/open/order/detail</c>, <c>GET /kuaishou/open/order/cursor/list</c>) and the <c>/kuaishou/_sim</c> controls.</summary>
    public static WebApplication MapKuaishouSimulator(this WebApplication app)
    {
        var group = app.MapGroup(RoutePrefix);
        group.MapKuaishouOpenApi();
        group.MapKuaishouAdmin();
        return app;
    }
}
