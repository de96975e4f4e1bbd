using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using ServerlessSync.LocalHost.Hosted;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// The Functions host.json carries the settings LocalHost measured with (docs/benchmarks.md), and docs/deploy.md explains
/// every one of them (host.json cannot hold comments).
/// </summary>
public sealed class HostJsonMeasuredTests
{
    private static readonly string Root = Azurite.RepositoryRoot();

    private static JsonElement HostJson()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "host.json")));
        return document.RootElement.Clone();
    }

    private static JsonElement At(JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, name) => e.GetProperty(name));

    /// <summary>Every leaf setting of host.json by dotted path (objects recursed; logLevel keys may contain dots).</summary>
    private static List<string> Leaves(JsonElement element, string prefix = "")
    {
        var leaves = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && property.Name != "samplingSettings")
            {
                leaves.AddRange(Leaves(property.Value, path));
            }
            else
            {
                leaves.Add(path);
            }
        }

        return leaves;
    }

    [Fact]
    public void Durable_settings_are_the_ones_the_local_host_measured_with()
    {
        var durable = At(HostJson(), "extensions", "durableTask");
        var provider = durable.GetProperty("storageProvider");
        var appsettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(Root, "src", "LocalHost", "appsettings.json")).Build();
        var measured = appsettings.GetSection(DurableTaskOptions.SectionName).Get<DurableTaskOptions>()!;

        Assert.True(measured.ExtendedSessions);
        Assert.Equal(measured.ExtendedSessions, durable.GetProperty("extendedSessionsEnabled").GetBoolean());
        Assert.InRange(durable.GetProperty("extendedSessionIdleTimeoutInSeconds").GetInt32(), 10, 300);
        Assert.Equal(measured.MaxConcurrentActivities, durable.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        Assert.Equal(measured.MaxConcurrentOrchestrations, durable.GetProperty("maxConcurrentOrchestratorFunctions").GetInt32());
        Assert.Equal(measured.HubName, durable.GetProperty("hubName").GetString());
        Assert.Equal(measured.PartitionCount, provider.GetProperty("partitionCount").GetInt32());
        Assert.Equal(measured.ControlQueueBatchSize, provider.GetProperty("controlQueueBatchSize").GetInt32());
        Assert.Equal(TimeSpan.FromMilliseconds(measured.MaxQueuePollingIntervalMs), TimeSpan.Parse(provider.GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_queue_trigger_holds_as_many_intake_messages_at_once_as_the_local_poller()
    {
        var queues = At(HostJson(), "extensions", "queues");

        // The Functions queue trigger handles at most batchSize + newBatchThreshold messages at once per instance.
        Assert.Equal(IntakeQueuePoller.MaxMessagesInFlight, queues.GetProperty("batchSize").GetInt32() + queues.GetProperty("newBatchThreshold").GetInt32());
        Assert.Equal(new ServerlessSync.Pipeline.Intake.IntakeOptions().MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void The_deploy_doc_explains_every_host_json_setting_with_its_value()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "deploy.md"));
        var start = doc.IndexOf("## host.json, setting by setting", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/deploy.md has no host.json section");
        var end = doc.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var section = end < 0 ? doc[start..] : doc[start..end];
        var rows = Regex.Matches(section, @"^\| `([^`]+)` \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        var host = HostJson();

        var leaves = Leaves(host).Where(l => l != "version").ToList();
        Assert.True(leaves.Count >= 15, $"found only {leaves.Count} settings");
        Assert.Empty(leaves.Except(rows.Keys));
        Assert.Empty(rows.Keys.Except(leaves));
        Assert.Equal("8", rows["extensions.queues.batchSize"]);
        Assert.Equal(host.GetProperty("extensions").GetProperty("queues").GetProperty("batchSize").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), rows["extensions.queues.batchSize"]);
        Assert.Equal("`true`", rows["extensions.durableTask.extendedSessionsEnabled"]);
    }
}
