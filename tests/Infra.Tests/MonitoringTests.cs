using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Infra.Tests;

/// <summary>The KQL files, the workbook and the alert rules agree with each other and with the metrics the code emits.</summary>
public sealed class MonitoringTests
{
    private static readonly Regex MetricName = new(@"""((?:orders|erp)\.[a-z_.]+)""", RegexOptions.CultureInvariant);

    private static Dictionary<string, string> KqlFiles() =>
        Directory.GetFiles(Repository.Monitoring, "*.kql").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    private static List<JsonObject> WorkbookQueries()
    {
        var workbook = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Monitoring, "serverlesssync-workbook.json")))!.AsObject();
        Assert.Equal("Notebook/1.0", (string?)workbook["version"]);
        return workbook["items"]!.AsArray().Select(i => i!.AsObject()).Where(i => (int?)i["type"] == 3).ToList();
    }

    private static HashSet<string> EmittedMetricNames() =>
        typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(MetricNames.Meter) && !f.Name.EndsWith("Tag", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

    [Fact]
    public void Every_metric_a_query_reads_is_one_the_pipeline_emits_and_every_emitted_metric_is_queried()
    {
        var emitted = EmittedMetricNames();
        var queried = KqlFiles().Values.SelectMany(text => MetricName.Matches(text).Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.Empty(queried.Except(emitted));
        Assert.Empty(emitted.Except(queried));
    }

    [Fact]
    public void The_workbook_shows_every_dashboard_query_file_verbatim_and_the_order_trace_for_the_chosen_instance()
    {
        var files = KqlFiles();
        var queries = WorkbookQueries().Select(i => (Name: (string?)i["name"], Query: (string?)i["content"]!["query"])).ToList();
        var dashboardFiles = files.Keys.Where(f => !f.StartsWith("alert-", StringComparison.Ordinal) && f != "order-trace.kql").ToList();

        Assert.All(dashboardFiles, f => Assert.Contains(queries, q => q.Query == files[f]));
        var trace = Assert.Single(queries, q => q.Name == "order-trace").Query!;
        Assert.Contains("let instanceId = \"{InstanceId}\";", trace, StringComparison.Ordinal);
        Assert.Equal(Regex.Replace(files["order-trace.kql"], "let instanceId = \"[^\"]*\";", "let instanceId = \"{InstanceId}\";"), trace);
        Assert.All(WorkbookQueries(), i => Assert.Equal("TimeRange", (string?)i["content"]!["timeContextFromParameter"]));
    }

    [Fact]
    public void The_alert_rules_run_the_alert_query_files_and_measure_columns_the_queries_project()
    {
        var alerts = CompiledTemplate.Module("alerts");
        var variables = alerts["variables"]!.AsObject();
        var files = KqlFiles();
        var rules = variables["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();

        Assert.Equal(4, rules.Count);
        Assert.Equal(files["alert-poison-queue.kql"], (string?)variables["poisonQuery"]);
        Assert.Equal(files["alert-intake-backlog-age.kql"], (string?)variables["backlogQuery"]);
        Assert.Equal(files["alert-pending-stock-age.kql"], (string?)variables["pendingStockQuery"]);
        Assert.Contains("let minOrders = 20;", files["alert-failure-rate.kql"], StringComparison.Ordinal);
        Assert.Contains("'let minOrders = 20;'", (string?)variables["failureRateQuery"], StringComparison.Ordinal);
        foreach (var rule in rules.Where(r => r["metricMeasureColumn"] is JsonValue))
        {
            var column = (string)rule["metricMeasureColumn"]!;
            var file = files.Single(f => f.Key.StartsWith("alert-", StringComparison.Ordinal) && f.Value.Contains(column, StringComparison.Ordinal));
            Assert.Matches($@"\| project {column}\s*$|summarize {column} = ", file.Value);
        }

        Assert.Contains("\"" + MetricNames.IntakePoisonDepth + "\"", files["alert-poison-queue.kql"], StringComparison.Ordinal);
        Assert.Contains("\"" + MetricNames.IntakeBacklogAge + "\"", files["alert-intake-backlog-age.kql"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_workbook_is_deployed_from_the_file_in_infra_monitoring()
    {
        var workbook = CompiledTemplate.OfType("Microsoft.Insights/workbooks").Single();
        var alerts = CompiledTemplate.Module("alerts")["variables"]!.AsObject();
        var loaded = alerts.Single(v => v.Key.StartsWith("$fxv#", StringComparison.Ordinal) && ((string?)v.Value)?.Contains("Notebook/1.0", StringComparison.Ordinal) == true);

        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Monitoring, "serverlesssync-workbook.json")), (string?)loaded.Value);
        Assert.Equal($"[variables('{loaded.Key}')]", (string?)workbook["properties"]!["serializedData"]);
        Assert.Equal("[parameters('appInsightsResourceId')]", (string?)workbook["properties"]!["sourceId"]);
    }
}
