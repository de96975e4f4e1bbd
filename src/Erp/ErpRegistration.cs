using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Erp;

namespace ServerlessSync.Pipeline;

/// <summary>Registers the configured ERP (<c>Erp:Kind</c>): its connector, the governor that paces it, the batchers, and the workflow's ERP ports (IErpStockReader, IErpOrderWriter, IErpOrderReverser). Both hosts call this.</summary>
public static class ErpRegistration
{
    public static IServiceCollection AddServerlessSyncErp(this IServiceCollection services, IConfiguration configuration)
    {
        var erpKind = ErpKindSetting.Of(configuration);
        services.AddValidatedOptionsValue<ErpGovernorOptions>(configuration, $"Erp:{erpKind}", o => o.Problems());
        services.AddSingleton<ErpGovernor>();
        services.AddHostedService<GovernorMembership>();
        services.AddTransient<ErpGovernorHandler>();
        services.AddErpConnector(erpKind, configuration);
        services.AddSingleton<IErpStockReader>(sp => sp.GetRequiredService<ErpStockBatcher>());
        services.AddSingleton<IErpOrderWriter>(sp => sp.GetRequiredService<ErpWriteBatcher>());
        services.AddSingleton<IErpOrderReverser, ErpReversal>();
        return services;
    }
}
