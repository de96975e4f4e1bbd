using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Mapping;
using ServerlessSync.Pipeline.OpsConsole;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.StockPush;
using ServerlessSync.Pipeline.Sync.WriteBack;
using ServerlessSync.Pipeline.Web;

namespace ServerlessSync.Pipeline;

/// <summary>Registers the operations side: dashboard stats, the ops console, the workbench and quarantine APIs, the web pages. Both hosts call this after AddServerlessSyncPipeline.</summary>
public static class OperationsServices
{
    public static IServiceCollection AddServerlessSyncOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProfileApi>();
        services.AddSingleton<SkusSeenApi>();
        services.AddSingleton<MaterialSearchApi>();
        services.AddSingleton<MappingPreviewApi>();
        services.AddSingleton<MappingVersionsApi>();
        services.AddSingleton<QuarantineApi>();
        services.AddValidatedOptions<StatsOptions>(configuration, StatsOptions.SectionName, o => o.Problems());
        services.AddValidatedOptions<ReconciliationOptions>(configuration, ReconciliationOptions.SectionName, o => o.Problems());
        services.AddSingleton<OrdersByDayIndex>();
        services.AddSingleton<StatsRecorder>();
        services.AddSingleton<StatsBatchRecorder>();
        services.AddSingleton<StatsReader>();
        services.AddSingleton<StatsSummaryApi>();
        services.AddSingleton<RecentAlertsApi>();
        services.AddTransient<ReconciliationApi>();
        services.AddSingleton<WebPagesApi>();
        services.AddSingleton<ShippingBacklog>();
        services.AddSingleton<StockPushApi>();
        services.AddSingleton<IOrderCounts>(sp => sp.GetRequiredService<StatsRecorder>());

        // Counted after the workflow's own write-back handlers (registered by AddServerlessSyncPipeline).
        services.AddSingleton<IWriteBackHandler, StatsWriteBackHandler>();
        return services;
    }
}
