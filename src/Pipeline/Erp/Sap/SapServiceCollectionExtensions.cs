using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.Sap;

public static class SapServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SapConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:Sap</c>, a read client
    /// with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddSapErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErpOptions<SapOptions>(configuration, SapOptions.SectionName);
        services.AddErpHttpClients<SapOptions>(SapHttpClients.Read, SapHttpClients.Write, "sap-write");
        services.TryAddSingleton<SapConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<SapConnector>());
        services.AddSingleton<IErpMaterialSearch>(sp => sp.GetRequiredService<SapConnector>());
        services.AddSingleton<IErpShipmentSource>(sp => sp.GetRequiredService<SapConnector>());
        return services;
    }
}
