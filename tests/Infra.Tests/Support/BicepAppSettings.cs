namespace ServerlessSync.Infra.Tests.Support;

/// <summary>
/// The app settings modules/function-app.bicep can produce, read from the variables of its compiled template (their
/// naming is documented there): object variables named *Settings hold full setting names, platformSettingsByName and
/// erpSettingsByKind hold names under a platform or ERP kind, erpGovernor names under every ERP kind, and the per-shop
/// names come from the format strings of shopAppSettings. Setting names use "__"; <see cref="ConfigKey"/> turns them into
/// configuration keys as the host does.
/// </summary>
public sealed class BicepAppSettings
{
    private BicepAppSettings(JsonObject variables)
    {
        Common = variables
            .Where(v => v.Key.EndsWith("Settings", StringComparison.Ordinal) && v.Value is JsonObject)
            .SelectMany(v => v.Value!.AsObject())
            .ToDictionary(p => p.Key, p => Text(p.Value), StringComparer.OrdinalIgnoreCase);
        Platforms = Nested(variables["platformSettingsByName"]);
        ErpKinds = Nested(variables["erpSettingsByKind"]);
        Governor = variables["erpGovernor"]!.AsObject().ToDictionary(p => p.Key, p => Text(p.Value), StringComparer.OrdinalIgnoreCase);
        var shopExpression = Text(variables["shopAppSettings"]);
        ShopSettingNames = Regex.Matches(shopExpression, @"__Shops__\{1\}__(\w+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        EmitsWeChatUserNames = shopExpression.Contains("Platforms__WeChat__UserNames__{0}", StringComparison.Ordinal);
    }

    public static BicepAppSettings Instance { get; } = new(CompiledTemplate.Module("functionApp")["variables"]!.AsObject());

    /// <summary>Settings every deployment gets (Service Bus ones when enabled), by setting name, with their value expression.</summary>
    public IReadOnlyDictionary<string, string> Common { get; }

    /// <summary>Per platform (e.g. Douyin): setting names under Platforms__{platform}__.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Platforms { get; }

    /// <summary>Per ERP kind: setting names under Erp__{kind}__.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ErpKinds { get; }

    /// <summary>Governor settings under Erp__{kind}__ for whichever kind is deployed.</summary>
    public IReadOnlyDictionary<string, string> Governor { get; }

    /// <summary>The PlatformShopSettings names written for each shop of the shops parameter.</summary>
    public IReadOnlySet<string> ShopSettingNames { get; }

    public bool EmitsWeChatUserNames { get; }

    public static string ConfigKey(string settingName) => settingName.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Every configuration key a deployment with this ERP kind can set (shop entries as "*").</summary>
    public HashSet<string> ConfigKeysFor(string erpKind)
    {
        var keys = new HashSet<string>(Common.Keys.Select(ConfigKey), StringComparer.OrdinalIgnoreCase);
        foreach (var (platform, settings) in Platforms)
        {
            keys.UnionWith(settings.Keys.Select(k => $"Platforms:{platform}:{k}"));
            keys.UnionWith(ShopSettingNames.Select(k => $"Platforms:{platform}:Shops:*:{k}"));
        }

        if (ErpKinds.TryGetValue(erpKind, out var erp))
        {
            keys.UnionWith(erp.Keys.Concat(Governor.Keys).Select(k => $"Erp:{erpKind}:{k}"));
        }

        if (EmitsWeChatUserNames)
        {
            keys.Add("Platforms:WeChat:UserNames:*");
        }

        return keys;
    }

    /// <summary>Every setting with its value expression, platform and ERP ones with their full names.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllSettings() =>
        Common
            .Concat(Platforms.SelectMany(p => p.Value.Select(s => KeyValuePair.Create($"Platforms__{p.Key}__{s.Key}", s.Value))))
            .Concat(ErpKinds.SelectMany(e => e.Value.Select(s => KeyValuePair.Create($"Erp__{e.Key}__{s.Key}", s.Value))));

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Nested(JsonNode? node) =>
        node!.AsObject().ToDictionary(
            p => p.Key,
            p => (IReadOnlyDictionary<string, string>)p.Value!.AsObject().ToDictionary(s => s.Key, s => Text(s.Value), StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
}
