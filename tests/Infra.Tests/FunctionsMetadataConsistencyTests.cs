using System.Text.Json;
using ServerlessSync.Infra.Tests.Support;

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
    public void The_queue_trigger_listens_on_the_queue_the_bicep_creates_and_the_app_settings_name()
    {
        var queueName = QueueTrigger().GetProperty("queueName").GetString();
        var created = CompiledTemplate.Module("storage")["parameters"]!["queueNames"]!["defaultValue"]!.AsArray().Select(n => (string?)n).ToList();

        Assert.Equal("orders-intake", queueName);
        Assert.Contains(queueName, created);
        Assert.Contains($"{queueName}-poison", created);
        Assert.Equal(queueName, BicepAppSettings.Instance.Common["Storage__IntakeQueueName"]);
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
    public void Host_json_durable_storage_uses_the_same_identity_based_connection()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        var provider = host.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider");

        Assert.Equal("AzureWebJobsStorage", provider.GetProperty("connectionName").GetString());
        Assert.Equal(5, host.RootElement.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }
}
