using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Domain.Erp.YonBip;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.YonBip;

public static class YonBipServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="YonBipConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:YonBip</c>,
    /// a read client with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddYonBipErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErpOptions<YonBipOptions>(configuration, YonBipOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.TokenUrl) || Uri.TryCreate(o.TokenUrl, UriKind.Absolute, out _), "Erp:YonBip:TokenUrl must be an absolute URL when set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TokenUrl) || ErpHttpClients.IsHttpsOrLoopback(o.TokenUrl), "Erp:YonBip:TokenUrl must use https (plain http only to a loopback host).")
            .Validate(o => YonBipHeadDefines.IsDefineName(o.ExternalOrderNoDefine), "Erp:YonBip:ExternalOrderNoDefine must name a header define such as define13.");
        services.AddErpHttpClients<YonBipOptions>(YonBipHttpClients.Read, YonBipHttpClients.Write, "yonbip-write");
        services.TryAddSingleton<YonBipConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<YonBipConnector>());
        services.AddSingleton<IErpShipmentSource>(sp => sp.GetRequiredService<YonBipConnector>());
        services.AddSingleton<IErpMaterialSearch>(sp => sp.GetRequiredService<YonBipConnector>());
        return services;
    }
}
