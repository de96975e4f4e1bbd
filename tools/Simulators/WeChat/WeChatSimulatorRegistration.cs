using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Simulators.WeChat;

public static class WeChatSimulatorRegistration
{
    public const string RoutePrefix = "/wechat";
    public const string PushHttpClientName = "wechat-sim-push";

    public static IServiceCollection AddWeChatSimulator(this IServiceCollection s, WeChatSimulatorOptions o)
    {
        s.AddSingleton(o);
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<WeChatOrderStore>();
        s.AddSingleton<WeChatSimStock>();
        s.AddSingleton<WeChatSimTokens>();
        s.AddSingleton<WeChatSimulatorFaults>();
        s.AddHttpClient(PushHttpClientName);
        s.AddTransient(sp => new WeChatPushSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(PushHttpClientName)));
        s.AddTransient(sp => new WeChatHandshakeCaller(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(PushHttpClientName), o, sp.GetRequiredService<TimeProvider>()));
        s.AddSingleton(sp => new WeChatBurstRegistry(
            () => new WeChatBurstPlayer(sp.GetRequiredService<WeChatOrderStore>(), sp.GetRequiredService<WeChatPushSender>(), o, sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<IHostApplicationLifetime>()));
        return s;
    }

    /// <summary>Maps the WeChat API (<c>/wechat/cgi-bin/token</c>, <c>/wechat/channels/ec/order/...</c>) and the <c>/wechat/_sim</c> controls.</summary>
    public static WebApplication MapWeChatSimulator(this WebApplication app)
    {
        var group = app.MapGroup(RoutePrefix);
        group.MapWeChatApi();
        group.MapWeChatAdmin();
        return app;
    }
}
