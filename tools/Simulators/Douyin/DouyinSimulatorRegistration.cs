using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Simulators.Douyin;

public static class DouyinSimulatorRegistration
{
    public const string RoutePrefix = "/douyin";
    public const string PushHttpClientName = "douyin-sim-push";

    public static IServiceCollection AddDouyinSimulator(this IServiceCollection s, DouyinSimulatorOptions o)
    {
        s.AddSingleton(o);
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<DouyinOrderStore>();
        s.AddSingleton<DouyinSkuStock>();
        s.AddSingleton<DouyinSimulatorFaults>();
        s.AddHttpClient(PushHttpClientName);
        s.AddTransient(sp => new DouyinPushSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(PushHttpClientName)));
        s.AddSingleton(sp => new DouyinBurstRegistry(
            () => new DouyinBurstPlayer(sp.GetRequiredService<DouyinOrderStore>(), sp.GetRequiredService<DouyinPushSender>(), o),
            sp.GetRequiredService<IHostApplicationLifetime>()));
        return s;
    }

    /// <summary>Maps the open API (<c>POST /douyin/order/orderDetail</c>) and the <c>/douyin/_sim</c> controls.</summary>
    public static WebApplication MapDouyinSimulator(this WebApplication app)
    {
        var group = app.MapGroup(RoutePrefix);
        group.MapDouyinOpenApi();
        group.MapDouyinAdmin();
        return app;
    }
}
