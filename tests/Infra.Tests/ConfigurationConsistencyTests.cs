using ServerlessSync.Pipeline.Erp;

namespace ServerlessSync.Infra.Tests;

/// <summary>
/// Every configuration key the code reads in Azure is set by the Bicep app settings. The key list comes from the code
/// (<see cref="CodeConfigurationKeys"/>), never from a hand-written list; the only exemptions are keys whose property
/// starts with a usable value and the short list below.
/// </summary>
public sealed class ConfigurationConsistencyTests
{
    /// <summary>Keys the code reads that Azure deliberately leaves unset, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotSetInAzure = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Storage:ConnectionString"] = "Azure uses the managed identity: Storage:TableServiceUri, QueueServiceUri and ManagedIdentityClientId.",
        ["Storage:TablePrefix"] = "No prefix: the app owns its storage account; prefixes only separate test runs on one Azurite.",
        ["ServiceBus:ConnectionString"] = "Azure uses the managed identity: ServiceBus:FullyQualifiedNamespace (set when Service Bus is enabled).",
    };

    public static TheoryData<string> ErpKinds() => new(ErpServices.Kinds);

    [Theory]
    [MemberData(nameof(ErpKinds))]
    public void Every_key_the_code_reads_without_a_default_is_set_by_the_bicep_app_settings(string erpKind)
    {
        var code = CodeConfigurationKeys.For(erpKind);
        var bicep = BicepAppSettings.Instance.ConfigKeysFor(erpKind);

        var missing = code
            .Where(k => !k.HasDefault && !NotSetInAzure.ContainsKey(k.Key) && !bicep.Contains(k.Key))
            .Select(k => $"{k.Key} ({k.Source})")
            .ToList();

        Assert.True(missing.Count == 0, $"Erp:Kind={erpKind}: the code reads these keys but infra/bicep/modules/function-app.bicep does not set them:\n  {string.Join("\n  ", missing)}");
    }

    [Theory]
    [MemberData(nameof(ErpKinds))]
    public void The_discovery_finds_the_keys_that_matter_so_the_check_above_cannot_pass_by_finding_nothing(string erpKind)
    {
        var keys = CodeConfigurationKeys.For(erpKind).ToDictionary(k => k.Key, StringComparer.OrdinalIgnoreCase);

        Assert.Contains("Erp:Kind", keys.Keys);
        Assert.Contains("Profiles:SeedDirectory", keys.Keys);
        Assert.False(keys["Storage:TableServiceUri"].HasDefault);
        Assert.False(keys["Storage:ManagedIdentityClientId"].HasDefault);
        Assert.True(keys["Storage:IntakeQueueName"].HasDefault);
        Assert.False(keys["Platforms:Douyin:AppSecret"].HasDefault);
        Assert.False(keys["Platforms:Douyin:Shops:*:AccessToken"].HasDefault);
        Assert.True(keys[$"Erp:{erpKind}:MaxCallsPerSecond"].HasDefault);
        Assert.False(keys[$"Erp:{erpKind}:BaseUrl"].HasDefault);
        Assert.True(keys["Sync:WriteErpMaxAttempts"].HasDefault);
        Assert.Contains("ServiceBus:FullyQualifiedNamespace", keys.Keys);
        Assert.Contains("Alerts:WeComWebhookUrl", keys.Keys);
    }

    [Theory]
    [MemberData(nameof(ErpKinds))]
    public void Every_bicep_setting_in_a_section_the_code_binds_is_a_key_the_code_reads(string erpKind)
    {
        var code = CodeConfigurationKeys.For(erpKind).Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var boundSections = code.Where(k => k.Contains(':', StringComparison.Ordinal)).Select(Section).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // A misspelt setting (Storage__QueueServiceUrl) would be silently ignored by the app.
        var unread = BicepAppSettings.Instance.ConfigKeysFor(erpKind)
            .Where(k => k.Contains(':', StringComparison.Ordinal) && boundSections.Contains(Section(k)) && !code.Contains(k))
            .ToList();

        Assert.True(unread.Count == 0, $"Erp:Kind={erpKind}: the Bicep sets keys the code never reads:\n  {string.Join("\n  ", unread)}");
    }

    [Fact]
    public void Every_erp_kind_the_code_supports_has_bicep_settings_and_the_deployment_allows_it()
    {
        var allowed = CompiledTemplate.Main["parameters"]!["erpKind"]!["allowedValues"]!.AsArray().Select(n => (string?)n).ToList();

        Assert.All(ErpServices.Kinds, kind =>
        {
            Assert.Contains(kind, BicepAppSettings.Instance.ErpKinds.Keys);
            Assert.Contains(kind, allowed);
        });
    }

    [Fact]
    public void The_exemptions_are_keys_the_code_really_reads()
    {
        var code = ErpServices.Kinds.SelectMany(CodeConfigurationKeys.For).Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(NotSetInAzure.Keys, k => Assert.Contains(k, code));
    }

    private static string Section(string key) => key[..key.LastIndexOf(':')];
}
