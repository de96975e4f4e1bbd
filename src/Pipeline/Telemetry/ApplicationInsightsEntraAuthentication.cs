using Azure.Core;
using Azure.Identity;

namespace ServerlessSync.Pipeline.Telemetry;

/// <summary>
/// The credential for sending telemetry to an Application Insights resource with local auth disabled. The Functions
/// host reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> itself, the isolated worker's SDK does not, so the
/// worker parses the same setting: <c>Authorization=AAD</c> (system identity) or
/// <c>Authorization=AAD;ClientId={client id of the user-assigned identity}</c>.
/// </summary>
public static class ApplicationInsightsEntraAuthentication
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The managed identity credential the setting asks for, or null when it does not ask for Entra ID.</summary>
    public static TokenCredential? CredentialFrom(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var scheme) || !string.Equals(scheme, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrEmpty(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
    }
}
