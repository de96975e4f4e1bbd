using ServerlessSync.Pipeline.Telemetry;
using static ServerlessSync.Infra.Tests.Support.TemplateJson;

namespace ServerlessSync.Infra.Tests;

/// <summary>Diagnostic settings send storage, Key Vault and Service Bus logs and metrics to the workspace; alerts fire on metrics.</summary>
public sealed class DiagnosticsAndAlertsTests
{
    [Theory]
    [InlineData("storage", "storage", "Transaction")]
    [InlineData("storage", "blobService", "Transaction")]
    [InlineData("storage", "queueService", "Transaction")]
    [InlineData("storage", "tableService", "Transaction")]
    [InlineData("taskHubStorage", "storage", "Transaction")]
    [InlineData("taskHubStorage", "queueService", "Transaction")]
    [InlineData("keyVault", "vault", "AllMetrics")]
    [InlineData("serviceBus", "namespace", "AllMetrics")]
    public void Each_resource_sends_its_metrics_and_logs_to_the_log_analytics_workspace(string module, string target, string metricCategory)
    {
        var template = CompiledTemplate.Module(module);
        var settings = CompiledTemplate.Resources(template)
            .Where(r => (string?)r.Resource["type"] == "Microsoft.Insights/diagnosticSettings")
            .Select(r => r.Resource)
            .Where(r => ((string?)r["scope"] ?? "").Contains(ScopeOf(template, target), StringComparison.Ordinal))
            .ToList();

        var setting = Assert.Single(settings);
        var properties = Resolve(template, setting["properties"]!);
        Assert.Equal("[parameters('workspaceResourceId')]", (string?)properties["workspaceId"]);
        Assert.Contains(properties["metrics"]!.AsArray(), m => (string?)m!["category"] == metricCategory && (bool?)m["enabled"] == true);
        if (target != "storage")
        {
            Assert.Contains(properties["logs"]!.AsArray(), l => (string?)l!["categoryGroup"] is "allLogs" or "audit" && (bool?)l["enabled"] == true);
        }

        Assert.Equal("[reference('monitoring').outputs.workspaceResourceId.value]", (string?)CompiledTemplate.Main["resources"]![module]!["properties"]!["parameters"]!["workspaceResourceId"]!["value"]);
    }

    [Fact]
    public void Poison_depth_and_backlog_age_alerts_read_metrics_the_app_emits_not_trace_lines()
    {
        var alerts = CompiledTemplate.Module("alerts");
        var rules = alerts["variables"]!["rules"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => ((string)r["name"]!).Split("-", 2)[1].Replace("')]", "", StringComparison.Ordinal));
        var poison = (string)alerts["variables"]!["poisonQuery"]!;
        var backlog = (string)alerts["variables"]!["backlogQuery"]!;

        Assert.Contains(MetricNames.IntakePoisonDepth, poison, StringComparison.Ordinal);
        Assert.Contains(MetricNames.IntakeBacklogAge, backlog, StringComparison.Ordinal);
        foreach (var query in new[] { poison, backlog })
        {
            Assert.StartsWith("customMetrics", query.Split('\n').First(l => !l.StartsWith("//", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.DoesNotContain("traces", query, StringComparison.Ordinal);
        }

        Assert.Contains(rules.Values, r => (string?)r["metricMeasureColumn"] == "poisonDepth" && (string?)r["timeAggregation"] == "Maximum");
        Assert.Contains(rules.Values, r => (string?)r["metricMeasureColumn"] == "oldestMessageMinutes" && (string?)r["threshold"] == "[parameters('intakeBacklogMaxMinutes')]");
        Assert.Contains(rules.Values, r => (string?)r["metricMeasureColumn"] == "failureRatePercent");
    }

    [Fact]
    public void Http_server_errors_alert_on_the_standard_request_metric_and_ignore_the_webhooks_4xx_answers()
    {
        var alert = Single("Microsoft.Insights/metricAlerts");
        var criterion = Property(alert, "criteria.allOf")![0]!;

        Assert.Equal("[parameters('appInsightsResourceId')]", (string?)Property(alert, "scopes")![0]);
        Assert.Equal("requests/failed", (string?)criterion["metricName"]);
        var resultCodes = criterion["dimensions"]![0]!;
        Assert.Equal("request/resultCode", (string?)resultCodes["name"]);
        Assert.All(resultCodes["values"]!.AsArray(), v => Assert.StartsWith("5", (string?)v, StringComparison.Ordinal));
        Assert.Contains("actionGroups", (string?)Property(alert, "actions")![0]!["actionGroupId"], StringComparison.Ordinal);
    }

    /// <summary>The scope expression of a diagnostic setting names its target resource by type and name.</summary>
    private static string ScopeOf(JsonObject template, string symbol)
    {
        var resource = CompiledTemplate.Resources(template).Single(r => r.Symbol == symbol).Resource;
        return $"'{resource["type"]}'";
    }

    /// <summary>A properties value that is a variable reference, resolved.</summary>
    private static JsonObject Resolve(JsonObject template, JsonNode properties) =>
        properties is JsonValue v && ((string?)v)?.StartsWith("[variables('", StringComparison.Ordinal) == true
            ? template["variables"]![((string)v!)[12..^3]]!.AsObject()
            : properties.AsObject();
}
