using ServerlessSync.LocalHost.Durable;
using ServerlessSync.LocalHost.Hosted;
using ServerlessSync.LocalHost.Security;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.LocalHost;

/// <summary>Builds the one-machine host: Kestrel on loopback, the queue poller, the timer and the DTFx worker.</summary>
public static class LocalHostApp
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(string[] args, Action<IConfigurationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddServerlessSyncPipeline(builder.Configuration).AddServerlessSyncErp(builder.Configuration).AddServerlessSyncPlatforms(builder.Configuration).AddServerlessSyncOperations(builder.Configuration);
        builder.Services.AddValidatedOptions<DurableTaskOptions>(builder.Configuration, DurableTaskOptions.SectionName, o => o.Problems());
        builder.Services.AddSingleton<DurableTaskHost>();
        builder.Services.AddSingleton<TaskHubOrchestrationGateway>();
        builder.Services.AddSingleton<IOrchestrationGateway>(sp => sp.GetRequiredService<TaskHubOrchestrationGateway>());
        builder.Services.AddSingleton<ISyncBatchGateway>(sp => sp.GetRequiredService<TaskHubOrchestrationGateway>());
        builder.Services.AddSingleton<SyncBatchStarter>();

        builder.Services.AddValidatedOptions<StartAdmissionOptions>(builder.Configuration, StartAdmissionOptions.SectionName, o => o.Problems());
        builder.Services.AddSingleton<TaskHubBacklog>();
        builder.Services.AddSingleton<StartAdmission>();
        builder.Services.AddValidatedOptions<LocalAdminOptions>(builder.Configuration, LocalAdminOptions.SectionName, o => o.Problems());
        builder.Services.AddSingleton<LocalAdminToken>();

        // Order matters: profiles are seeded and the task hub is running before the first intake message is started.
        builder.Services.AddHostedService<StartupSeeder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DurableTaskHost>());
        builder.Services.AddHostedService<IntakeQueuePoller>();
        builder.Services.AddHostedService<CompletedInstancePurger>();
        builder.Services.AddHostedService<PullTimer>();
        builder.Services.AddHostedService<SellerNoteTimer>();
        builder.Services.AddHostedService<ShipmentTimer>();
        builder.Services.AddHostedService<StockPushTimer>();

        var app = builder.Build();
        _ = app.Services.GetRequiredService<LocalAdminToken>(); // made (and printed, the first time) at start, not on the first admin call
        app.Use((context, next) =>
        {
            SecurityHeaders.Apply(context.Response.Headers);
            return next(context);
        });
        app.UseMiddleware<LocalRequestGuard>();
        app.MapServerlessSyncApi();
        return app;
    }
}
