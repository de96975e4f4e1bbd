using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Pipeline.Http;

/// <summary>
/// Headers both hosts put on every answer. The policy lets a page run scripts from the app only (no inline script,
/// no eval), call only its own origin, and never be framed; ECharts' tooltips set inline styles, so styles may be
/// inline. No referrer leaves a page, because a page URL may carry <c>?code=</c>.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
    };

    public static void Apply(IHeaderDictionary headers)
    {
        foreach (var (name, value) in All)
        {
            headers[name] = value;
        }
    }
}
