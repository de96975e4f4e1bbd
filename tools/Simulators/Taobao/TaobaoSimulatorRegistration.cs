using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessSync.Simulators.Taobao;

public static class TaobaoSimulatorRegistration
{
    public const string RoutePrefix = "/taobao";

    public static IServiceCollection AddTaobaoSimulator(this IServiceCollection s, TaobaoSimulatorOptions o)
    {
        s.AddSingleton(o);
        s.TryAddSingleton(TimeProvider.System);
        s.AddSingleton<TaobaoOrderStore>();
        s.AddSingleton<TaobaoSimStock>();
        s.AddSingleton<TaobaoSimulatorFaults>();
        s.AddSingleton<TaobaoCallLog>();
        return s;
    }

    /// <summary>Maps the TOP gateway (<c>GET|POST /taobao/router/rest</c>) and the <c>/taobao/_sim</c> controls.</summary>
    public static WebApplication MapTaobaoSimulator(this WebApplication app)
    {
        var group = app.MapGroup(RoutePrefix);
        group.MapTaobaoGateway();
        group.MapTaobaoAdmin();
        return app;
    }
}
