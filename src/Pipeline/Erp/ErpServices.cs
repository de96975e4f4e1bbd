using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Erp.Jushuitan;
using ServerlessSync.Pipeline.Erp.Kingdee;
using ServerlessSync.Pipeline.Erp.Sap;
using ServerlessSync.Pipeline.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp;

public static class ErpServices
{
    public static readonly IReadOnlyList<string> Kinds = ["Kingdee", "Sap", "YonBip", "Jushuitan"];

    /// <summary>
    /// Registers the connector <c>Erp:Kind</c> selects and puts each of its HTTP clients behind the
    /// <see cref="ErpGovernor"/> (inside the resilience handler, so every attempt is paced), and the per-process
    /// <see cref="ErpWriteBatcher"/> and <see cref="ErpStockBatcher"/> that gather concurrent activities' calls.
    /// </summary>
    public static IServiceCollection AddErpConnector(this IServiceCollection services, string kind, IConfiguration configuration)
    {
        services.AddValidatedOptions<ErpBatchingOptions>(configuration, ErpBatchingOptions.SectionName, o => o.Problems())
            .ValidateDataAnnotations();
        services.AddValidatedOptions<ErpCommitOptions>(configuration, ErpCommitOptions.SectionName, o => o.Problems())
            .ValidateDataAnnotations();
        services.TryAddSingleton<ErpCreateMarkers>();
        services.TryAddSingleton<ErpWriteBatcher>();
        services.TryAddSingleton<ErpStockBatcher>();
        switch (kind)
        {
            case "Kingdee":
                services.AddKingdeeErp(configuration);
                services.AddHttpClient(KingdeeHttpClients.Read).AddHttpMessageHandler<ErpGovernorHandler>();
                services.AddHttpClient(KingdeeHttpClients.Write).AddHttpMessageHandler<ErpGovernorHandler>();
                return services;
            case "Sap":
                services.AddSapErp(configuration);
                services.AddHttpClient(SapHttpClients.Read).AddHttpMessageHandler<ErpGovernorHandler>();
                services.AddHttpClient(SapHttpClients.Write).AddHttpMessageHandler<ErpGovernorHandler>();
                return services;
            case "YonBip":
                services.AddYonBipErp(configuration);
                services.AddHttpClient(YonBipHttpClients.Read).AddHttpMessageHandler<ErpGovernorHandler>();
                services.AddHttpClient(YonBipHttpClients.Write).AddHttpMessageHandler<ErpGovernorHandler>();
                return services;
            case "Jushuitan":
                services.AddJushuitanErp(configuration);
                services.AddHttpClient(JushuitanHttpClients.Read).AddHttpMessageHandler<ErpGovernorHandler>();
                services.AddHttpClient(JushuitanHttpClients.Write).AddHttpMessageHandler<ErpGovernorHandler>();
                return services;
            default:
                throw new InvalidOperationException($"Erp:Kind '{kind}' is not supported; use one of {string.Join(", ", Kinds)}.");
        }
    }
}
