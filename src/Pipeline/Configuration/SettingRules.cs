namespace ServerlessSync.Pipeline.Configuration;

/// <summary>The checks options classes share. Each returns problems as "Key message" under the class's section.</summary>
public static class SettingRules
{
    public const string KeyVaultReferencePrefix = "@Microsoft.KeyVault(";

    /// <summary>A nested key ("Smtp", "Password" → "Smtp:Password").</summary>
    public static string Key(params string[] parts) => string.Join(':', parts);

    /// <summary>
    /// A Key Vault reference App Service could not resolve (identity without access, secret missing, vault unreachable)
    /// reaches the app as its own text; used as a credential it would fail every call, or verify pushes against it.
    /// </summary>
    public static bool IsUnresolvedKeyVaultReference(string? value) =>
        value is not null && value.TrimStart().StartsWith(KeyVaultReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>A secret: never an unresolved Key Vault reference; when <paramref name="required"/>, not empty either.</summary>
    public static IEnumerable<string> Secret(string key, string? value, bool required)
    {
        if (IsUnresolvedKeyVaultReference(value))
        {
            yield return $"{key} is an unresolved Key Vault reference: check that the secret exists and the app's identity may read it (Key Vault Secrets User)";
        }
        else if (required && string.IsNullOrWhiteSpace(value))
        {
            yield return $"{key} is empty";
        }
    }

    public static IEnumerable<string> AtLeast(string key, long value, long minimum)
    {
        if (value < minimum)
        {
            yield return $"{key} must be at least {minimum} (is {value})";
        }
    }

    public static IEnumerable<string> AbsoluteUrl(string key, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                yield return $"{key} is empty";
            }
        }
        else if (IsUnresolvedKeyVaultReference(value))
        {
            yield return $"{key} is an unresolved Key Vault reference";
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            yield return $"{key} must be an absolute URL";
        }
    }
}
