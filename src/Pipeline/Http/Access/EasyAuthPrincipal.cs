using System.Text;
using System.Text.Json;

namespace ServerlessSync.Pipeline.Http.Access;

/// <summary>
/// The <c>X-MS-CLIENT-PRINCIPAL</c> header App Service authentication puts on each signed-in request (base64 JSON with
/// the token's claims); the app roles of the Entra app registration arrive as role claims.
/// </summary>
public static class EasyAuthPrincipal
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    private const string DefaultRoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>The signed-in user with their highest app role, or null when the header is absent, unreadable or carries no role of ours.</summary>
    public static AdminCaller? Read(string? principalHeader, string? nameHeader)
    {
        if (string.IsNullOrWhiteSpace(principalHeader))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(principalHeader));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString()! : DefaultRoleClaim;
            var claims = root.TryGetProperty("claims", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().ToList() : [];
            var roles = claims
                .Where(claim => Text(claim, "typ") is { } typ && (typ == roleType || typ == "roles"))
                .Select(claim => Enum.TryParse<AdminRole>(Text(claim, "val"), ignoreCase: true, out var role) && Enum.IsDefined(role) ? role : (AdminRole?)null)
                .OfType<AdminRole>()
                .ToList();
            if (roles.Count == 0)
            {
                return null;
            }

            var name = !string.IsNullOrWhiteSpace(nameHeader) ? nameHeader : claims.Select(claim => Text(claim, "typ") == "name" ? Text(claim, "val") : null).FirstOrDefault(v => v is not null) ?? "entra-user";
            return new AdminCaller($"entra:{name}", roles.Max());
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement claim, string property) =>
        claim.ValueKind == JsonValueKind.Object && claim.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
