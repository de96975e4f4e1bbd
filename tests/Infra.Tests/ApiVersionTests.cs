namespace ServerlessSync.Infra.Tests;

/// <summary>The linter's use-recent-api-versions rule is on (BicepBuildTests then fails on any old version) and no resource uses a preview API version but the one type without a usable GA version.</summary>
public sealed class ApiVersionTests
{
    /// <summary>Microsoft.Insights/diagnosticSettings: its only GA version (2016-09-01) is the legacy fixed-name schema.</summary>
    private const string PreviewOnlyType = "Microsoft.Insights/diagnosticSettings";

    [Fact]
    public void The_recent_api_versions_rule_is_a_warning_that_the_build_tests_fail_on()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Bicep, "bicepconfig.json")))!;

        Assert.Equal("warning", (string?)config["analyzers"]!["core"]!["rules"]!["use-recent-api-versions"]!["level"]);
    }

    [Fact]
    public void No_resource_uses_a_preview_api_version_except_diagnostic_settings()
    {
        var resources = CompiledTemplate.AllResources().Select(r => r.Resource).Where(r => (string?)r["type"] != "Microsoft.Resources/deployments").ToList();

        Assert.True(resources.Count > 30, $"found only {resources.Count} resources");
        var previews = resources.Where(r => ((string?)r["apiVersion"] ?? "").Contains("preview", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(previews, r => Assert.Equal(PreviewOnlyType, (string?)r["type"], ignoreCase: true));
        Assert.NotEmpty(previews);
    }

    [Fact]
    public void The_linter_flags_an_old_api_version_with_the_repository_configuration()
    {
        var probe = Path.Combine(Path.GetTempPath(), "serverlesssync-apiversion-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            File.Copy(Path.Combine(Repository.Bicep, "bicepconfig.json"), Path.Combine(probe, "bicepconfig.json"));
            File.WriteAllText(Path.Combine(probe, "probe.bicep"), "resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2018-11-30' = {\n  name: 'probe'\n  location: 'global'\n}\n");

            var result = BicepCli.Run(probe, "lint", "probe.bicep");

            Assert.Contains(result.Diagnostics, d => d.Contains("Warning use-recent-api-versions", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }
}
