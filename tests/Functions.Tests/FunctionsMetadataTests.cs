using Microsoft.DurableTask;
using ServerlessSync.Functions.Sync;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// The functions.metadata the Worker SDK generated at build time is what the Functions host indexes (routes, auth
/// levels, queue names, connection settings, schedules, Durable triggers); the host cannot run here, so it is checked.
/// The Worker SDK hooks the file into the Functions project's copy-to-output items, so it lands beside this assembly.
/// </summary>
public sealed class FunctionsMetadataTests
{
    internal static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Functions = new(Load);

    private static IReadOnlyDictionary<string, JsonElement> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not built into {AppContext.BaseDirectory}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }

    private static JsonElement Function(string name)
    {
        Assert.True(Functions.Value.TryGetValue(name, out var function), $"no function '{name}' in functions.metadata; found {string.Join(", ", Functions.Value.Keys)}");
        return function;
    }

    internal static JsonElement Trigger(string name) =>
        Function(name).GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    internal static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static string[] Methods(JsonElement trigger) => trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToArray();

    [Fact]
    public void The_app_has_exactly_the_expected_functions_and_each_entry_point_exists_in_the_built_assembly()
    {
        string[] expected =
        [
            WebhookFunction.Name, GetOrderFunction.Name, HealthFunction.Name, StartSyncOrderFunction.Name, PullOrdersFunction.Name, IntakeQueueMetricsFunction.Name,
            SyncTasks.SyncOrder.Name, SyncTasks.SyncBatch.Name, .. SyncTasks.Activities.Select(a => a.Name),
            DashboardPageFunction.Name, ConsolePageFunction.Name, WebAssetFunction.Name, StatsSummaryFunction.Name, RecentAlertsFunction.Name, ReconciliationFunction.Name,
            ResyncOrderFunction.Name, ProfileFunction.Name, ProfileHistoryFunction.Name, ProfileDryRunFunction.Name, QuarantineListFunction.Name, QuarantineReleaseFunction.Name,
            IntakePoisonFunction.Name, IntakePoisonRedriveFunction.Name, PullSkippedFunction.Name, HeldPushesFunction.Name, HeldPushesReplayFunction.Name,
            AuditTrailFunction.Name, WriteSellerNotesFunction.Name, SyncShipmentsFunction.Name, PushStockFunction.Name, StockPushFunction.Name,
            MappingSkusFunction.Name, ComboSplitFunction.Name, MaterialSearchFunction.Name, MappingPreviewFunction.Name, MappingVersionsFunction.Name, MappingVersionFunction.Name, MappingRestoreFunction.Name,
        ];
        Assert.Equal(expected.Order(), Functions.Value.Keys.Order());

        var assembly = typeof(FunctionsServices).Assembly;
        foreach (var function in Functions.Value.Values)
        {
            Assert.Equal("dotnet-isolated", Text(function, "language"));
            Assert.Equal(assembly.GetName().Name + ".dll", Text(function, "scriptFile"));
            var entryPoint = Text(function, "entryPoint")!;
            var split = entryPoint.LastIndexOf('.');
            var method = assembly.GetType(entryPoint[..split], throwOnError: true)!.GetMethod(entryPoint[(split + 1)..]);
            Assert.NotNull(method);
            Assert.Equal(function.GetProperty("name").GetString(), method.GetCustomAttribute<FunctionAttribute>()!.Name);
        }
    }

    [Fact]
    public void Webhook_is_an_anonymous_get_and_post_http_trigger_on_webhooks_platform()
    {
        var trigger = Trigger(WebhookFunction.Name);
        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal("webhooks/{platform}", Text(trigger, "route"));
        Assert.Equal("Anonymous", Text(trigger, "authLevel"));
        Assert.Equal(["get", "post"], Methods(trigger).Order());
        Assert.Contains(Function(WebhookFunction.Name).GetProperty("bindings").EnumerateArray(), b => Text(b, "type") == "http" && Text(b, "direction") == "Out");
    }

    [Fact]
    public void GetOrder_is_a_get_on_orders_platform_shop_order_left_to_the_apps_role_check()
    {
        var trigger = Trigger(GetOrderFunction.Name);
        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal("orders/{platform}/{shopId}/{orderId}", Text(trigger, "route"));
        Assert.Equal("Anonymous", Text(trigger, "authLevel"));
        Assert.Equal(["get"], Methods(trigger));
    }

    [Theory]
    [InlineData(DashboardPageFunction.Name, "dashboard", "Anonymous")]
    [InlineData(ConsolePageFunction.Name, "console", "Anonymous")]
    [InlineData(StatsSummaryFunction.Name, "stats/summary", "Anonymous")]
    [InlineData(RecentAlertsFunction.Name, "alerts/recent", "Anonymous")]
    [InlineData(ReconciliationFunction.Name, "reconciliation/{platform}/{shopId}/{day}", "Anonymous")]
    [InlineData(AuditTrailFunction.Name, "audit", "Anonymous")]
    [InlineData(WebAssetFunction.Name, "web/{name}", "Anonymous")]
    public void Dashboard_and_console_routes_are_gets_whose_roles_the_app_checks(string name, string route, string authLevel)
    {
        var trigger = Trigger(name);
        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal(route, Text(trigger, "route"));
        Assert.Equal(authLevel, Text(trigger, "authLevel"));
        Assert.Equal(["get"], Methods(trigger));
    }

    [Theory]
    [InlineData(ResyncOrderFunction.Name, "orders/{platform}/{shopId}/{orderId}/resync", "post")]
    [InlineData(ProfileFunction.Name, "profiles/{platform}/{shopId}", "get,put")]
    [InlineData(ProfileHistoryFunction.Name, "profiles/{platform}/{shopId}/history", "get")]
    [InlineData(ProfileDryRunFunction.Name, "profiles/{platform}/{shopId}/dry-run", "post")]
    [InlineData(QuarantineListFunction.Name, "quarantine", "get")]
    [InlineData(QuarantineReleaseFunction.Name, "quarantine/release", "post")]
    [InlineData(MappingSkusFunction.Name, "mapping/{platform}/{shopId}/skus", "get")]
    [InlineData(MaterialSearchFunction.Name, "mapping/materials", "get")]
    [InlineData(ComboSplitFunction.Name, "mapping/combo-split", "get")]
    [InlineData(MappingPreviewFunction.Name, "mapping/{platform}/{shopId}/preview", "post")]
    [InlineData(MappingVersionsFunction.Name, "mapping/{platform}/{shopId}/versions", "get,post")]
    [InlineData(MappingVersionFunction.Name, "mapping/{platform}/{shopId}/versions/{version}", "get")]
    [InlineData(MappingRestoreFunction.Name, "mapping/{platform}/{shopId}/versions/{version}/restore", "post")]
    public void Admin_routes_are_left_to_the_apps_role_check_and_serve_the_same_routes_as_the_local_host(string name, string route, string methods)
    {
        var trigger = Trigger(name);
        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal(route, Text(trigger, "route"));
        Assert.Equal("Anonymous", Text(trigger, "authLevel"));
        Assert.Equal(methods.Split(','), Methods(trigger));
    }

    [Fact]
    public void Health_is_an_anonymous_get_on_health()
    {
        var trigger = Trigger(HealthFunction.Name);
        Assert.Equal("httpTrigger", Text(trigger, "type"));
        Assert.Equal("health", Text(trigger, "route"));
        Assert.Equal("Anonymous", Text(trigger, "authLevel"));
        Assert.Equal(["get"], Methods(trigger));
    }

    [Fact]
    public void StartSyncOrder_triggers_on_the_configured_intake_queue_of_AzureWebJobsStorage_with_a_durable_client()
    {
        var trigger = Trigger(StartSyncOrderFunction.Name);
        Assert.Equal("queueTrigger", Text(trigger, "type"));
        // A binding expression over the very setting StorageOptions binds, so the trigger and the writer read one value.
        Assert.Equal("%Storage:IntakeQueueName%", Text(trigger, "queueName"));
        Assert.Equal($"%{StorageOptions.SectionName}:{nameof(StorageOptions.IntakeQueueName)}%", Text(trigger, "queueName"));
        Assert.Equal("AzureWebJobsStorage", Text(trigger, "connection"));
        Assert.Equal("String", Text(trigger, "dataType"));
        var bindings = Function(StartSyncOrderFunction.Name).GetProperty("bindings").EnumerateArray().ToList();
        Assert.Contains(bindings, b => Text(b, "type") == "durableClient" && Text(b, "direction") == "In");
        Assert.DoesNotContain(bindings, b => Text(b, "direction") == "Out");
    }

    [Fact]
    public void PullOrders_is_a_timer_every_minute()
    {
        var trigger = Trigger(PullOrdersFunction.Name);
        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("0 */1 * * * *", Text(trigger, "schedule"));
    }

    [Fact]
    public void WriteSellerNotes_is_a_timer_every_15_seconds()
    {
        var trigger = Trigger(WriteSellerNotesFunction.Name);
        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("*/15 * * * * *", Text(trigger, "schedule"));
    }

    [Fact]
    public void SyncShipments_is_a_timer_every_15_seconds()
    {
        var trigger = Trigger(SyncShipmentsFunction.Name);
        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("*/15 * * * * *", Text(trigger, "schedule"));
    }

    [Fact]
    public void PushStock_is_a_timer_every_10_seconds()
    {
        var trigger = Trigger(PushStockFunction.Name);
        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("*/10 * * * * *", Text(trigger, "schedule"));
    }

    [Fact]
    public void IntakeQueueMetrics_is_a_timer_every_minute_apart_from_the_pull_tick()
    {
        var trigger = Trigger(IntakeQueueMetricsFunction.Name);
        Assert.Equal("timerTrigger", Text(trigger, "type"));
        Assert.Equal("30 */1 * * * *", Text(trigger, "schedule"));
    }

    [Fact]
    public void Every_defined_durable_task_has_one_trigger_function_of_its_kind_with_its_input_and_output()
    {
        var durableFunctions = typeof(FunctionsServices).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name);
        Assert.Equal(SyncTasks.All.Select(t => t.Name).Order(), durableFunctions.Keys.Order());

        foreach (var task in SyncTasks.Orchestrations)
        {
            Assert.Equal("orchestrationTrigger", Text(Trigger(task.Name), "type"));
            Assert.Equal(typeof(Task<>).MakeGenericType(task.OutputType), durableFunctions[task.Name].ReturnType);
        }

        foreach (var task in SyncTasks.Activities)
        {
            Assert.Equal("activityTrigger", Text(Trigger(task.Name), "type"));
            var function = durableFunctions[task.Name];
            Assert.Equal(task.InputType, function.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(task.OutputType), function.ReturnType);
        }
    }
}
