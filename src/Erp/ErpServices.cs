using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Domain.Erp.YonBip;
using ServerlessSync.Pipeline.Erp.Jushuitan;
using ServerlessSync.Pipeline.Erp.Kingdee;
using ServerlessSync.Pipeline.Erp.Sap;
using ServerlessSync.Pipeline.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp;

public static class ErpServices
{
    public static readonly IReadOnlyList<string> Kinds =
        [KingdeeConnector.ConnectorKind, SapConnector.ConnectorKind, YonBipConnector.ConnectorKind, JushuitanConnector.ConnectorKind];

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
            case KingdeeConnector.ConnectorKind:
                services.AddKingdeeErp(configuration);
                break;
            case SapConnector.ConnectorKind:
                services.AddSapErp(configuration);
                break;
            case YonBipConnector.ConnectorKind:
                services.AddYonBipErp(configuration);
                break;
            case JushuitanConnector.ConnectorKind:
                services.AddJushuitanErp(configuration);
                break;
            default:
                throw new InvalidOperationException($"{ErpKindSetting.Key} '{kind}' is not supported; use one of {string.Join(", ", Kinds)}.");
        }

        services.AddHttpClient(ErpHttpClients.ReadClient(kind)).AddHttpMessageHandler<ErpGovernorHandler>();
        services.AddHttpClient(ErpHttpClients.WriteClient(kind)).AddHttpMessageHandler<ErpGovernorHandler>();
        return services;
    }

    /// <summary>The K/3 Cloud connector with options from <c>Erp:Kingdee</c> (see <see cref="ErpHttpClients.AddErp{TOptions, TConnector}"/>).</summary>
    public static IServiceCollection AddKingdeeErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErp<KingdeeOptions, KingdeeConnector>(configuration, KingdeeConnector.ConnectorKind);
        return services;
    }

    /// <summary>The S/4HANA connector with options from <c>Erp:Sap</c>.</summary>
    public static IServiceCollection AddSapErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErp<SapOptions, SapConnector>(configuration, SapConnector.ConnectorKind);
        return services;
    }

    /// <summary>The YonBIP connector with options from <c>Erp:YonBip</c>, whose token URL and order-number define are checked too.</summary>
    public static IServiceCollection AddYonBipErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErp<YonBipOptions, YonBipConnector>(configuration, YonBipConnector.ConnectorKind)
            .Validate(o => string.IsNullOrWhiteSpace(o.TokenUrl) || Uri.TryCreate(o.TokenUrl, UriKind.Absolute, out _), "Erp:YonBip:TokenUrl must be an absolute URL when set.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TokenUrl) || ErpHttpClients.IsHttpsOrLoopback(o.TokenUrl), "Erp:YonBip:TokenUrl must use https (plain http only to a loopback host).")
            .Validate(o => YonBipHeadDefines.IsDefineName(o.ExternalOrderNoDefine), "Erp:YonBip:ExternalOrderNoDefine must name a header define such as define13.");
        return services;
    }

    /// <summary>The Jushuitan connector with options from <c>Erp:Jushuitan</c>.</summary>
    public static IServiceCollection AddJushuitanErp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddErp<JushuitanOptions, JushuitanConnector>(configuration, JushuitanConnector.ConnectorKind);
        return services;
    }
}
