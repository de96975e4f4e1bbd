using System.Text.Json;

namespace ServerlessSync.Infra.Tests;

/// <summary>The queue and connection names the Functions host indexes (functions.metadata, generated at build) agree with the Bicep.</summary>
public sealed class FunctionsMetadataConsistencyTests
{
    private static JsonElement QueueTrigger()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not built into {AppContext.BaseDirectory}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Single(b => b.GetProperty("type").GetString() == "queueTrigger")
            .Clone();
    }

    [Fact]
    public void The_queue_trigger_resolves_the_setting_the_writer_binds_and_the_bicep_sets_it_to_the_queue_it_creates()
    {
        // The trigger's queue is %Storage:IntakeQueueName%: the host resolves it from the same app setting the webhook's
        // IntakeQueue writes through, and main.bicep derives that setting and the created queues from one variable.
        var queueName = QueueTrigger().GetProperty("queueName").GetString();
        var main = CompiledTemplate.Main;
        var storageQueues = main["resources"]!["storage"]!["properties"]!["parameters"]!["queueNames"]!["value"]!.AsArray().Select(n => (string?)n).ToList();
        var appQueue = (string?)main["resources"]!["functionApp"]!["properties"]!["parameters"]!["intakeQueueName"]!["value"];

        Assert.Equal($"%{ServerlessSync.Pipeline.Storage.StorageOptions.IntakeQueueNameSetting}%", queueName);
        Assert.Equal("Storage__IntakeQueueName", BicepAppSettings.Instance.Common.Keys.Single(k => BicepAppSettings.ConfigKey(k) == queueName!.Trim('%')));
        Assert.Equal("[parameters('intakeQueueName')]", BicepAppSettings.Instance.Common["Storage__IntakeQueueName"]);
        Assert.Equal("[variables('intakeQueueName')]", appQueue);
        Assert.Equal(["[variables('intakeQueueName')]", "[format('{0}-poison', variables('intakeQueueName'))]"], storageQueues);
        Assert.Equal(ServerlessSync.Pipeline.Storage.IntakeQueueNames.Intake, (string?)main["variables"]!["intakeQueueName"]);
    }

    [Fact]
    public void The_queue_trigger_connection_is_configured_by_identity_based_settings_with_every_service_uri()
    {
        var connection = QueueTrigger().GetProperty("connection").GetString();
        var common = BicepAppSettings.Instance.Common;

        Assert.Equal("AzureWebJobsStorage", connection);
        Assert.Equal("managedidentity", common[$"{connection}__credential"]);
        foreach (var setting in new[] { "clientId", "blobServiceUri", "queueServiceUri", "tableServiceUri" })
        {
            Assert.True(common.ContainsKey($"{connection}__{setting}"), $"{connection}__{setting} is not set");
        }
    }

    [Fact]
    public void The_functions_worker_starts_with_64_thread_pool_threads_like_the_local_host()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ServerlessSync.Functions.runtimeconfig.json")));

        Assert.Equal(64, config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.Threading.ThreadPool.MinThreads").GetInt32());
    }

    [Fact]
    public void Host_json_durable_storage_names_a_connection_the_bicep_configures_by_identity_with_every_service_uri()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var provider = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");
        var connection = provider.GetProperty("connectionName").GetString()!;
        var common = BicepAppSettings.Instance.Common;

        Assert.Equal("DurableTaskStorage", connection);
        Assert.Equal("managedidentity", common[$"{connection}__credential"]);
        Assert.Equal("[parameters('identityClientId')]", common[$"{connection}__clientId"]);
        Assert.Equal("[parameters('taskHubBlobEndpoint')]", common[$"{connection}__blobServiceUri"]);
        Assert.Equal("[parameters('taskHubQueueEndpoint')]", common[$"{connection}__queueServiceUri"]);
        Assert.Equal("[parameters('taskHubTableEndpoint')]", common[$"{connection}__tableServiceUri"]);
        Assert.False(common.ContainsKey(connection), "a plain connection setting would be a connection string with a key");
        Assert.Equal(5, host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void The_task_hub_gets_its_own_keyless_storage_account_by_default_with_the_app_identitys_storage_roles()
    {
        var dedicated = CompiledTemplate.Main["parameters"]!["dedicatedTaskHubStorage"]!;
        Assert.Equal("bool", (string?)dedicated["type"]);
        Assert.True((bool)dedicated["defaultValue"]!);

        var module = CompiledTemplate.Resources(CompiledTemplate.Main).Single(r => r.Symbol == "taskHubStorage").Resource;
        Assert.Equal("[parameters('dedicatedTaskHubStorage')]", (string?)module["condition"]);
        var parameters = module["properties"]!["parameters"]!;
        Assert.Empty(parameters["queueNames"]!["value"]!.AsArray());
        Assert.Null(parameters["deploymentContainerName"]);
        Assert.Equal(
            CompiledTemplate.Resources(CompiledTemplate.Main).Single(r => r.Symbol == "storage").Resource["properties"]!["parameters"]!["roleAssignments"]!.ToJsonString(),
            parameters["roleAssignments"]!.ToJsonString());

        var app = CompiledTemplate.Resources(CompiledTemplate.Main).Single(r => r.Symbol == "functionApp").Resource["properties"]!["parameters"]!;
        foreach (var service in new[] { "Blob", "Queue", "Table" })
        {
            var endpoint = app[$"taskHub{service}Endpoint"] is JsonObject wrapped ? (string?)wrapped["value"] : (string?)app[$"taskHub{service}Endpoint"];
            Assert.Contains("parameters('dedicatedTaskHubStorage')", endpoint, StringComparison.Ordinal);
            Assert.Contains($"reference('taskHubStorage').outputs.{service.ToLowerInvariant()}Endpoint.value", endpoint, StringComparison.Ordinal);
            Assert.Contains($"reference('storage').outputs.{service.ToLowerInvariant()}Endpoint.value", endpoint, StringComparison.Ordinal);
        }
    }
}
