using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Pull;
using ServerlessSync.Pipeline.Storage;
using ServerlessSync.Pipeline.Platforms;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline;

/// <summary>Registers the whole pipeline (everything but the host's triggers and Durable backend). Both hosts call this.</summary>
public static class PipelineServices
{
    public static IServiceCollection AddServerlessSyncPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.Configure<IntakeOptions>(configuration.GetSection(IntakeOptions.SectionName));
        services.Configure<AlertOptions>(configuration.GetSection(AlertOptions.SectionName));
        services.AddSingleton(configuration.GetSection(SyncSettings.SectionName).Get<SyncSettings>() ?? new SyncSettings());

        services.AddSingleton<StorageClients>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<IntakeQueue>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<WebhookHandler>();
        services.AddSingleton<OrderEventStarter>();
        services.AddSingleton<OrderLedger>();
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<ProfileSeeder>();
        services.AddSingleton<OrderStatusApi>();
        services.AddSingleton<HealthApi>();
        services.Configure<PullOptions>(configuration.GetSection(PullOptions.SectionName));
        services.AddSingleton<WatermarkStore>();
        services.AddSingleton<PullService>();

        services.AddSingleton<AlertService>();
        services.AddHttpClient<WeComAlertChannel>(WeComAlertChannel.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<WeComAlertChannel>());

        var erpKind = configuration["Erp:Kind"] ?? "Kingdee";
        services.AddSingleton(configuration.GetSection($"Erp:{erpKind}").Get<ErpGovernorOptions>() ?? new ErpGovernorOptions());
        services.AddSingleton<ErpGovernor>();
        services.AddTransient<ErpGovernorHandler>();
        services.AddErpConnector(erpKind, configuration);
        services.AddPlatforms(configuration);

        services.AddTransient<SyncOrderOrchestrator>();
        foreach (var activity in SyncTasks.Activities.Values)
        {
            services.AddTransient(activity);
        }

        return services;
    }
}
