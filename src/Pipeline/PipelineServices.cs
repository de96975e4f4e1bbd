using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Events;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Mapping;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Pull;
using ServerlessSync.Pipeline.SellerNotes;
using ServerlessSync.Pipeline.Shipments;
using ServerlessSync.Pipeline.Quarantine;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Sync;
using ServerlessSync.Pipeline.Sync.Batch;
using ServerlessSync.Pipeline.Sync.WriteBack;
using ServerlessSync.Pipeline.StockPush;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Pipeline;

/// <summary>
/// Registers the workflow core: everything but the host's triggers and Durable backend, the ERP, the platforms and the
/// operations side, which the hosts add with AddServerlessSyncErp, AddServerlessSyncPlatforms and
/// AddServerlessSyncOperations. Both hosts call this.
/// </summary>
public static class PipelineServices
{
    public static IServiceCollection AddServerlessSyncPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.SectionName, o => o.Problems());
        services.AddValidatedOptions<IntakeOptions>(configuration, IntakeOptions.SectionName, o => o.Problems());
        services.AddValidatedOptions<AlertOptions>(configuration, AlertOptions.SectionName, o => o.Problems());
        services.AddValidatedOptionsValue<SyncSettings>(configuration, SyncSettings.SectionName, o => o.Problems());
        services.AddSingleton(sp => SyncRetryPlan.From(sp.GetRequiredService<SyncSettings>()));

        services.AddSingleton<StorageClients>();
        services.AddSingleton<InboxStore>();
        services.AddSingleton<IntakeQueue>();
        services.AddSingleton<IntakeBodyStore>();
        services.AddSingleton<IIntakeBatchWriter, StorageIntakeBatchWriter>();
        services.AddSingleton<IntakeCommitter>();
        services.AddSingleton<IntakeFloodMeter>();
        services.AddSingleton<WebhookHandler>();
        services.AddSingleton<OrderEventStarter>();
        services.AddSingleton<StartPacer>();
        services.AddSingleton<IntakeMessageHandler>();
        services.AddSingleton<BatchRunAssembler>();
        services.AddSingleton<IntakeDeliveryPolicy>();
        services.AddSingleton<IntakePoisonRedrive>();
        services.AddSingleton<HeldPushes>();
        services.AddSingleton<OrderLedger>();
        services.AddSingleton<OrderLeases>();
        services.AddSingleton<OrderPreparer>();
        services.AddSingleton<BusyRequeue>();
        services.AddSingleton<SlowPathHandOff>();
        services.AddSingleton<SyncPlanner>();
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<ProfileSeeder>();
        services.AddSingleton<OrderStatusApi>();
        services.AddSingleton<HealthApi>();
        services.AddSingleton<ResyncApi>();
        services.AddSingleton<SkuSightings>();
        services.AddSingleton<QuarantineIndex>();
        services.AddSingleton<AdminAuditLog>();
        services.AddSingleton<QueueHealth>();
        services.AddValidatedOptions<PullOptions>(configuration, PullOptions.SectionName, o => o.Problems());
        services.AddSingleton<WatermarkStore>();
        services.AddSingleton<SkippedListEntries>();
        services.AddTransient<PullService>();
        services.AddSingleton<EnqueuedOrderVersions>();
        services.AddValidatedOptions<SellerNoteOptions>(configuration, SellerNoteOptions.SectionName, o => o.Problems());
        services.AddSingleton<SellerNoteQueue>();
        services.AddTransient<SellerNoteWriteBack>();
        services.AddValidatedOptions<ShipmentOptions>(configuration, ShipmentOptions.SectionName, o => o.Problems());
        services.AddSingleton<ErpOrderIndex>();
        services.AddSingleton<ShipmentQueue>();
        services.AddSingleton<ShipmentQuarantine>();
        services.AddTransient<ShipmentPickup>();
        services.AddTransient<ShipmentWriteBack>();
        services.AddValidatedOptions<StockPushOptions>(configuration, StockPushOptions.SectionName, o => o.Problems());
        services.AddSingleton<StockPushStore>();
        services.AddSingleton<StockPushSignal>();
        services.AddTransient<StockPusher>();

        services.AddSingleton<AlertService>();
        services.AddHttpClient<WeComAlertChannel>(WeComAlertChannel.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<WeComAlertChannel>());
        services.AddHttpClient<DingTalkAlertChannel>(DingTalkAlertChannel.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<DingTalkAlertChannel>());
        services.AddHttpClient<FeishuAlertChannel>(FeishuAlertChannel.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<FeishuAlertChannel>());
        services.AddSingleton<EmailAlertChannel>();
        services.AddSingleton<IAlertChannel>(sp => sp.GetRequiredService<EmailAlertChannel>());

        var erpKind = ErpKindSetting.Of(configuration);
        services.AddPipelineMetrics(erpKind);
        services.AddOrderEvents(configuration);
        services.AddSingleton<OrderReceivedEvents>();

        // The steps after every ledger write, in the order they run (see IWriteBackHandler).
        services.AddSingleton<WriteBackHandlers>();
        services.AddSingleton<IWriteBackHandler, QuarantineWriteBackHandler>();
        services.AddSingleton<IWriteBackHandler, SellerNoteWriteBackHandler>();
        services.AddSingleton<IWriteBackHandler, ErpOrderIndexWriteBackHandler>();
        services.AddSingleton<IWriteBackHandler, StockPushWriteBackHandler>();
        services.AddSingleton<IWriteBackHandler, ErpSuccessWriteBackHandler>();
        services.AddSingleton<IWriteBackHandler, MetricsWriteBackHandler>();
        services.AddSingleton<IWriteBackHandler, OrderEventWriteBackHandler>();

        foreach (var task in SyncTasks.All)
        {
            services.AddTransient(task.Implementation);
        }

        return services;
    }
}
