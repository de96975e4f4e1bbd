using Azure.Storage.Queues;

namespace ServerlessSync.Functions.Tests;

/// <summary>host.json (repository root, linked into the Functions app) and the extension list the Worker SDK generated.</summary>
public sealed class HostJsonTests
{
    private static readonly string RootHostJson = Path.Combine(Azurite.RepositoryRoot(), "host.json");

    private static JsonElement Host()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RootHostJson));
        return document.RootElement.Clone();
    }

    private static JsonElement Path2(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            Assert.True(element.TryGetProperty(name, out element), $"host.json has no {string.Join('.', path)}");
        }

        return element;
    }

    [Fact]
    public void Is_a_version_2_host_file_and_the_app_ships_exactly_this_file()
    {
        Assert.Equal("2.0", Path2(Host(), "version").GetString());
        var shipped = Path.Combine(AppContext.BaseDirectory, "host.json");
        Assert.True(File.Exists(shipped), "host.json is not copied to the Functions app output");
        Assert.Equal(File.ReadAllText(RootHostJson), File.ReadAllText(shipped));
    }

    [Fact]
    public void Durable_settings_sit_under_extensions_durableTask_with_an_azure_storage_provider()
    {
        var durable = Path2(Host(), "extensions", "durableTask");
        var hub = Path2(durable, "hubName").GetString()!;
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", hub); // task hub names: 3-45 letters and digits, starting with a letter

        var provider = Path2(durable, "storageProvider");
        Assert.Equal("AzureStorage", Path2(provider, "type").GetString());
        Assert.Equal("DurableTaskStorage", Path2(provider, "connectionName").GetString()); // its own connection, so the task hub can have its own account
        Assert.InRange(Path2(provider, "partitionCount").GetInt32(), 1, 16);
        Assert.True(TimeSpan.TryParse(Path2(provider, "maxQueuePollingInterval").GetString(), out var polling));
        Assert.InRange(polling, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)); // Flex Consumption guidance: at most 10 s
        Assert.True(Path2(durable, "maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.True(Path2(durable, "maxConcurrentOrchestratorFunctions").GetInt32() > 0);
    }

    [Fact]
    public void No_durable_or_storage_provider_settings_are_misplaced_outside_extensions_durableTask()
    {
        var host = Host();
        Assert.False(host.TryGetProperty("durableTask", out _), "durableTask belongs under extensions");
        var found = new List<string>();
        Walk(host, "", found);
        Assert.Equal(["extensions.durableTask.hubName", "extensions.durableTask.storageProvider"], found.Order());

        // Every path in the file whose last name is a Durable setting name (anchors: durable-extension#1314 was a misplaced storageProvider).
        static void Walk(JsonElement element, string path, List<string> found)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                var here = path.Length == 0 ? property.Name : path + "." + property.Name;
                if (property.Name is "storageProvider" or "hubName")
                {
                    found.Add(here);
                }

                Walk(property.Value, here, found);
            }
        }
    }

    [Fact]
    public void Queue_trigger_settings_poison_after_five_tries_as_the_intake_contract_says()
    {
        var queues = Path2(Host(), "extensions", "queues");
        Assert.Equal(5, Path2(queues, "maxDequeueCount").GetInt32());
        Assert.Equal(new IntakeOptions().MaxDequeueCount, Path2(queues, "maxDequeueCount").GetInt32());
        Assert.InRange(Path2(queues, "batchSize").GetInt32(), 1, 32);
        Assert.InRange(Path2(queues, "newBatchThreshold").GetInt32(), 0, 1000);
        Assert.True(TimeSpan.TryParse(Path2(queues, "maxPollingInterval").GetString(), out var polling) && polling > TimeSpan.Zero);
        Assert.True(TimeSpan.TryParse(Path2(queues, "visibilityTimeout").GetString(), out var visibility) && visibility >= TimeSpan.Zero);
        Assert.Equal("base64", Path2(queues, "messageEncoding").GetString());
    }

    [Fact]
    public async Task Intake_writes_messages_in_the_encoding_the_queue_trigger_is_configured_to_read()
    {
        await using var app = await FunctionsTestApp.StartAsync();
        var message = new IntakeMessage(PlatformNames.Douyin, "100200300", "6912345678901234567", "paid", DateTimeOffset.UtcNow, "m-enc", DateTimeOffset.UtcNow);
        await app.EnqueueAsync(message);

        // Read the raw bytes on the wire, with no client-side decoding, and decode them as the trigger would (base64).
        var raw = new QueueClient(Azurite.ConnectionString, app.Storage.IntakeQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var wire = Assert.Single((await raw.PeekMessagesAsync(1)).Value).Body.ToString();
        Assert.Equal("base64", Path2(Host(), "extensions", "queues", "messageEncoding").GetString());
        Assert.Equal(message, IntakeMessage.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(wire))));
    }

    [Fact]
    public void The_generated_extension_list_loads_the_durable_and_storage_queue_bindings_in_the_host()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "extensions.json")));
        var names = document.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("DurableTask", names);
        Assert.Contains("AzureStorageQueues", names);

        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "worker.config.json")));
        Assert.Equal("dotnet-isolated", worker.RootElement.GetProperty("description").GetProperty("language").GetString());
        Assert.Equal("ServerlessSync.Functions.dll", worker.RootElement.GetProperty("description").GetProperty("defaultWorkerPath").GetString());
    }
}
