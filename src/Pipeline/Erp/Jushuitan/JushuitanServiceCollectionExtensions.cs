using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

public static class JushuitanServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="JushuitanConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:Jushuitan</c>,
    /// a read client with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddJushuitanErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErpOptions<JushuitanOptions>(configuration, JushuitanOptions.SectionName);
        services.AddErpHttpClients<JushuitanOptions>(JushuitanHttpClients.Read, JushuitanHttpClients.Write, "jushuitan-write");
        services.TryAddSingleton<JushuitanConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<JushuitanConnector>());
        services.AddSingleton<IErpShipmentSource>(sp => sp.GetRequiredService<JushuitanConnector>());
        services.AddSingleton<IErpMaterialSearch>(sp => sp.GetRequiredService<JushuitanConnector>());
        return services;
    }
}
