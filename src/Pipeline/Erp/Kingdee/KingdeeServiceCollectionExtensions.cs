using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

public static class KingdeeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KingdeeConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:Kingdee</c>,
    /// a read client with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddKingdeeErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErpOptions<KingdeeOptions>(configuration, KingdeeOptions.SectionName);
        services.AddErpHttpClients<KingdeeOptions>(KingdeeHttpClients.Read, KingdeeHttpClients.Write, "kingdee-write");
        services.TryAddSingleton<KingdeeConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<KingdeeConnector>());
        services.AddSingleton<IErpShipmentSource>(sp => sp.GetRequiredService<KingdeeConnector>());
        services.AddSingleton<IErpMaterialSearch>(sp => sp.GetRequiredService<KingdeeConnector>());
        return services;
    }
}
