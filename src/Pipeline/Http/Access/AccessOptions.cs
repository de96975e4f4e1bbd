using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.Http.Access;

/// <summary>
/// <c>Access:*</c> (Functions app): one key per role for machine callers (sent as <c>x-functions-key</c> or <c>?code=</c>;
/// in Azure Key Vault references), and whether App Service authentication (Entra ID) is in front of the app. Only then
/// is its principal header trusted: without it, any client could send that header.
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";
    public const int MinimumKeyLength = 32;

    public string? ViewerKey { get; set; }

    public string? OperatorKey { get; set; }

    public string? AdminKey { get; set; }

    /// <summary>Set by the Bicep when it configures App Service authentication; never set it otherwise.</summary>
    public bool EasyAuthEnabled { get; set; }

    public IEnumerable<(AdminRole Role, string Key)> Keys()
    {
        foreach (var (role, key) in new[] { (AdminRole.Viewer, ViewerKey), (AdminRole.Operator, OperatorKey), (AdminRole.Admin, AdminKey) })
        {
            if (!string.IsNullOrWhiteSpace(key))
            {
                yield return (role, key);
            }
        }
    }

    public IEnumerable<string> Problems()
    {
        foreach (var (name, key) in new[] { (nameof(ViewerKey), ViewerKey), (nameof(OperatorKey), OperatorKey), (nameof(AdminKey), AdminKey) })
        {
            foreach (var problem in SettingRules.Secret(name, key, required: false))
            {
                yield return problem;
            }

            if (!string.IsNullOrWhiteSpace(key) && !SettingRules.IsUnresolvedKeyVaultReference(key) && key.Length < MinimumKeyLength)
            {
                yield return $"{name} must be at least {MinimumKeyLength} characters";
            }
        }

        var keys = Keys().Select(k => k.Key).ToList();
        if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
        {
            yield return "ViewerKey, OperatorKey and AdminKey must differ";
        }
    }
}
