using ServerlessSync.Pipeline.Pull;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Functions.Tests;

/// <summary>What Program registers, the app settings it reads (DESIGN §5), the startup seeding and the timer.</summary>
public sealed class ConfigurationTests
{
    private static ServiceProvider Build(IDictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddServerlessSyncFunctions(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_sample_local_settings_are_isolated_worker_settings_with_double_underscore_keys_that_bind_to_the_options()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Azurite.RepositoryRoot(), "local.settings.sample.json")));
        var values = document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.True(values.ContainsKey("AzureWebJobsStorage"), "the queue trigger and Durable both use the AzureWebJobsStorage connection");
        Assert.All(values.Keys, k => Assert.DoesNotContain(':', k));

        // The host turns the values into environment variables; .NET configuration reads "__" as ":".
        var environment = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        using var provider = Build(environment.AsEnumerable().ToDictionary(e => e.Key, e => e.Value));

        Assert.Equal(values["Storage__ConnectionString"], provider.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        var douyin = provider.GetRequiredService<IOptions<DouyinApiOptions>>().Value;
        Assert.Equal(values["Platforms__Douyin__AppKey"], douyin.AppKey);
        Assert.Equal(values["Platforms__Douyin__AppSecret"], douyin.AppSecret);
        Assert.Equal(values["Platforms__Douyin__ApiBaseUrl"], douyin.ApiBaseUrl);
        Assert.Equal(IntakeQueueNames.Intake, provider.GetRequiredService<StorageClients>().IntakeQueueName);
    }

    [Fact]
    public async Task In_azure_storage_uses_service_uris_and_managed_identity_and_every_function_class_still_resolves()
    {
        // Async disposal: the stock push's ERP governor is only IAsyncDisposable.
        await using var provider = Build(new Dictionary<string, string?>
        {
            ["Storage:TableServiceUri"] = "https://serverlesssync.table.core.windows.net",
            ["Storage:QueueServiceUri"] = "https://serverlesssync.queue.core.windows.net",
            ["Storage:BlobServiceUri"] = "https://serverlesssync.blob.core.windows.net",
            ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
            // The reconciliation function talks to the ERP, so the connector's required settings must be there (Key Vault references in Azure).
            ["Erp:Kingdee:BaseUrl"] = "https://erp.example.invalid/k3cloud/",
            ["Erp:Kingdee:AcctId"] = "acct",
            ["Erp:Kingdee:UserName"] = "user",
            ["Erp:Kingdee:AppId"] = "app_0123456789abcdef0123456789abcdef",
            ["Erp:Kingdee:AppSecret"] = "secret",
        });

        Assert.Null(provider.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString);
        Assert.NotNull(provider.GetRequiredService<StorageClients>());
        var functionClasses = typeof(FunctionsServices).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FunctionAttribute), false).Length > 0))
            .ToList();
        // The intake, sync, dashboard/console and admin function classes; a scan that finds fewer has lost some.
        Assert.True(functionClasses.Count >= 19, $"found only {functionClasses.Count} function classes");
        foreach (var type in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(provider, type));
        }
    }

    [Fact]
    public void The_intake_consumer_comes_from_the_factory_around_the_bound_durable_client_never_from_the_container()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Storage:ConnectionString"] = Azurite.ConnectionString });

        Assert.Null(provider.GetService<OrderEventStarter>());
        Assert.Null(provider.GetService<IntakeMessageHandler>());
        Assert.Null(provider.GetService<ServerlessSync.Pipeline.Sync.Start.IOrchestrationGateway>());
        Assert.NotNull(provider.GetRequiredService<IntakeMessageHandlerFactory>());
    }

    [Fact]
    public async Task On_start_the_worker_seeds_mapping_profiles_from_the_app_folder_once()
    {
        await using var app = await FunctionsTestApp.StartAsync(new Dictionary<string, string?> { ["Profiles:SeedDirectory"] = "profiles" });
        var seeding = Assert.Single(app.Services.GetServices<IHostedService>().OfType<ProfileSeedingService>());
        var store = app.Service<ProfileStore>();
        Assert.Null(await store.GetAsync(PlatformNames.Douyin, "100200300", CancellationToken.None));

        await seeding.StartAsync(CancellationToken.None);
        var seeded = await store.GetAsync(PlatformNames.Douyin, "100200300", CancellationToken.None);
        var rows = await app.RowsAsync(ProfileStore.TableName);
        await seeding.StartAsync(CancellationToken.None);

        Assert.NotNull(seeded);
        Assert.Equal(PlatformNames.Douyin, seeded.Platform);
        Assert.Equal(
            rows.Select(r => $"{r.PartitionKey}/{r.RowKey}/{r.ETag}").Order(),
            (await app.RowsAsync(ProfileStore.TableName)).Select(r => $"{r.PartitionKey}/{r.RowKey}/{r.ETag}").Order());
    }

    [Fact]
    public async Task Without_a_seed_directory_the_worker_seeds_nothing()
    {
        await using var app = await FunctionsTestApp.StartAsync();

        await app.Services.GetServices<IHostedService>().OfType<ProfileSeedingService>().Single().StartAsync(CancellationToken.None);

        Assert.Null(await app.Service<ProfileStore>().GetAsync(PlatformNames.Douyin, "100200300", CancellationToken.None));
    }

    [Fact]
    public async Task The_pull_timer_tick_runs_the_pull_service_and_reports_what_it_pulled()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        await new PullOrdersFunction(app.Service<PullService>(), app.Service<ServerlessSync.Pipeline.Intake.HeldPushes>(), factory.CreateLogger<PullOrdersFunction>()).Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        var line = Assert.Single(logs.Lines);
        Assert.Contains("0 shops", line);
        Assert.Contains("True", line);
    }

    [Fact]
    public async Task The_queue_metrics_timer_records_the_intake_backlog_age_and_the_poison_depth()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var metrics = app.Service<PipelineMetrics>();
        var recorded = new List<(string Name, double Value, string? Queue)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => recorded.Add((i.Name, v, QueueTag(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => recorded.Add((i.Name, v, QueueTag(tags))));
        listener.Start();
        await (await app.IntakeQueueAsync()).SendMessageAsync("waiting");
        var poison = await app.Storage.QueueAsync(IntakeQueueNames.Poison(app.Storage.IntakeQueueName));
        await poison.SendMessageAsync("poisoned-1");
        await poison.SendMessageAsync("poisoned-2");
        var clock = new AheadClock(TimeSpan.FromMinutes(20));

        await new IntakeQueueMetricsFunction(app.Service<QueueHealth>(), metrics, clock).Run(new TimerInfo(), CancellationToken.None);

        var age = Assert.Single(recorded, r => r.Name == MetricNames.IntakeBacklogAge);
        Assert.InRange(age.Value, 19 * 60, 21 * 60);
        Assert.Equal((MetricNames.IntakePoisonDepth, 2.0, app.Storage.IntakeQueueName), Assert.Single(recorded, r => r.Name == MetricNames.IntakePoisonDepth));
        Assert.Equal(app.Storage.IntakeQueueName, age.Queue);
    }

    /// <summary>The system clock moved ahead, so the message just sent looks as old as a stuck backlog.</summary>
    private sealed class AheadClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + ahead;
    }

    private static string? QueueTag(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == MetricNames.QueueTag)
            {
                return tag.Value as string;
            }
        }

        return null;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
