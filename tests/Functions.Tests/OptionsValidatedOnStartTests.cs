using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// Every options class of the app is checked when the host starts: one bad setting per class (an out-of-range number,
/// an empty required secret, a Key Vault reference App Service could not resolve) stops the start with the key named,
/// before any function runs. A new options class without a row here fails <see cref="Every_options_class_of_the_app_has_a_bad_setting_below"/>.
/// </summary>
public sealed class OptionsValidatedOnStartTests
{
    private const string UnresolvedReference = "@Microsoft.KeyVault(SecretUri=https://kv-ssync-test.vault.azure.net/secrets/missing)";

    /// <summary>Classes bound as part of another, by the class whose rules check them.</summary>
    private static readonly Dictionary<string, string> Nested = new()
    {
        ["SmtpAlertOptions"] = "AlertOptions",
        ["PlatformShopSettings"] = "DouyinApiOptions",
    };

    /// <summary>Per options class: one setting made bad, its value and the erp kind to run with.</summary>
    public static TheoryData<string, string, string, string> BadSettings() => new()
    {
        { "StorageOptions", "Storage:IntakeQueueName", "Orders_Intake", "Kingdee" },
        { "AccessOptions", "Access:OperatorKey", UnresolvedReference, "Kingdee" },
        { "IntakeOptions", "Intake:MaxDequeueCount", "0", "Kingdee" },
        { "AlertOptions", "Alerts:FeishuSecret", UnresolvedReference, "Kingdee" },
        { "SmtpAlertOptions", "Alerts:Smtp:Password", UnresolvedReference, "Kingdee" },
        { "SyncSettings", "Sync:WriteErpMaxAttempts", "0", "Kingdee" },
        { "StatsOptions", "Stats:Shards", "0", "Kingdee" },
        { "ReconciliationOptions", "Reconciliation:MaxOrders", "0", "Kingdee" },
        { "PullOptions", "Pull:MaxPagesPerRun", "0", "Kingdee" },
        { "SellerNoteOptions", "SellerNotes:CallsPerSecond:douyin", "0", "Kingdee" },
        { "ShipmentOptions", "Shipments:OverlapSeconds", "-1", "Kingdee" },
        { "StockPushOptions", "StockPush:MinPushIntervalSeconds", "-1", "Kingdee" },
        { "ServiceBusEventOptions", "ServiceBus:ConnectionString", UnresolvedReference, "Kingdee" },
        { "ErpGovernorOptions", "Erp:Kingdee:MaxCallsPerSecond", "0", "Kingdee" },
        { "ErpBatchingOptions", "Erp:BatchMaxWaitMs", "1", "Kingdee" },
        { "ErpCommitOptions", "Erp:CommitHorizonSeconds", "-1", "Kingdee" },
        { "KingdeeOptions", "Erp:Kingdee:AppSecret", "", "Kingdee" },
        { "SapOptions", "Erp:Sap:Password", UnresolvedReference, "Sap" },
        { "YonBipOptions", "Erp:YonBip:AppSecret", UnresolvedReference, "YonBip" },
        { "JushuitanOptions", "Erp:Jushuitan:AccessToken", "", "Jushuitan" },
        { "DouyinApiOptions", "Platforms:Douyin:AppSecret", "", "Kingdee" },
        { "PlatformShopSettings", "Platforms:Douyin:Shops:100200300:AccessToken", UnresolvedReference, "Kingdee" },
        { "KuaishouOptions", "Platforms:Kuaishou:MessageKey", UnresolvedReference, "Kingdee" },
        { "TaobaoOptions", "Platforms:Taobao:SessionKey", UnresolvedReference, "Kingdee" },
        { "WeChatOptions", "Platforms:WeChat:Token", UnresolvedReference, "Kingdee" },
    };

    private static Dictionary<string, string?> ValidSettings(string erpKind) => new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Storage:IntakeQueueName"] = "orders-intake",
        ["Erp:Kind"] = erpKind,
        ["Erp:Kingdee:BaseUrl"] = "https://erp.example.com/k3cloud/",
        ["Erp:Kingdee:AcctId"] = "64f1c2",
        ["Erp:Kingdee:UserName"] = "integration",
        ["Erp:Kingdee:AppId"] = "123456_AbCd",
        ["Erp:Kingdee:AppSecret"] = "kingdee-secret",
        ["Erp:Sap:BaseUrl"] = "https://sap.example.com/",
        ["Erp:Sap:UserName"] = "INTEGRATION",
        ["Erp:Sap:Password"] = "sap-password",
        ["Erp:Sap:SalesOrganization"] = "1710",
        ["Erp:Sap:DistributionChannel"] = "10",
        ["Erp:Sap:OrganizationDivision"] = "00",
        ["Erp:Sap:Plant"] = "1710",
        ["Erp:YonBip:BaseUrl"] = "https://yonbip.example.com/",
        ["Erp:YonBip:AppKey"] = "yonbip-key",
        ["Erp:YonBip:AppSecret"] = "yonbip-secret",
        ["Erp:Jushuitan:BaseUrl"] = "https://jushuitan.example.com/",
        ["Erp:Jushuitan:AppKey"] = "jushuitan-key",
        ["Erp:Jushuitan:ShopId"] = "10001",
        ["Erp:Jushuitan:AppSecret"] = "jushuitan-secret",
        ["Erp:Jushuitan:AccessToken"] = "jushuitan-token",
        ["Platforms:Douyin:AppKey"] = "douyin-app-key",
        ["Platforms:Douyin:AppSecret"] = "douyin-secret",
    };

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddServerlessSyncFunctions(builder.Configuration);
        // Only what validation sees: no hosted service may start (nothing would, when validation fails first).
        builder.Services.RemoveAll<IHostedService>();
        return builder.Build();
    }

    [Theory]
    [InlineData("Kingdee")]
    [InlineData("Sap")]
    [InlineData("YonBip")]
    [InlineData("Jushuitan")]
    public async Task A_host_with_valid_settings_starts(string erpKind)
    {
        using var host = Build(ValidSettings(erpKind));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task One_bad_setting_stops_the_start_with_the_key_named(string optionsClass, string key, string value, string erpKind)
    {
        var settings = ValidSettings(erpKind);
        settings[key] = value;
        using var host = Build(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var failures = error is AggregateException all ? all.InnerExceptions : [error];
        // One class fails (an ERP's options may be checked by two registrations, each reporting the same problem).
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        var validation = Assert.Single(failures.Cast<OptionsValidationException>().DistinctBy(f => f.OptionsType));
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
        Assert.Equal(Nested.GetValueOrDefault(optionsClass, optionsClass), validation.OptionsType.Name);
        if (value == UnresolvedReference)
        {
            Assert.Contains("unresolved Key Vault reference", validation.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(UnresolvedReference, validation.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_options_class_of_the_app_has_a_bad_setting_below()
    {
        var classes = new[] { typeof(PipelineServices).Assembly, typeof(ErpRegistration).Assembly, typeof(PlatformServices).Assembly, typeof(OperationsServices).Assembly, typeof(FunctionsServices).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsPublic: true, IsAbstract: false } && (t.Name.EndsWith("Options", StringComparison.Ordinal) || t.Name.EndsWith("Settings", StringComparison.Ordinal)))
            .Where(t => t.GetConstructor(Type.EmptyTypes) is not null && t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.CanWrite))
            .Select(t => t.Name)
            .ToHashSet();
        var covered = BadSettings().Select(row => (string)row[0]).ToHashSet();

        Assert.True(classes.Count >= 18, $"found only {classes.Count} options classes: {string.Join(", ", classes)}");
        Assert.Empty(classes.Except(covered));
        Assert.Empty(covered.Except(classes));
    }
}
