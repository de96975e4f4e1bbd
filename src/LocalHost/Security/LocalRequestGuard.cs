using System.Net;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.LocalHost.Security;

/// <summary>
/// Keeps the LocalHost's admin surface to its owner on a shared machine. Every request must address a loopback host
/// (or a configured one), so a page on another site cannot reach it through DNS rebinding (421). Every mutating request
/// outside the webhooks (which platforms authenticate by signature) needs the admin token header and a JSON body type:
/// a cross-site "simple" POST (text/plain, a form) can carry neither, so it changes nothing.
/// </summary>
public sealed class LocalRequestGuard(RequestDelegate next, LocalAdminToken token, IOptions<LocalAdminOptions> options)
{
    public const string TokenHeader = "X-Admin-Token";
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];
    private readonly HashSet<string> allowedHosts = LoopbackHosts.Concat(options.Value.AllowedHosts).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Host.HasValue || !allowedHosts.Contains(request.Host.Host))
        {
            return RefuseAsync(context, (int)HttpStatusCode.MisdirectedRequest, $"host '{request.Host.Host}' is not served here; use localhost or set Admin:AllowedHosts");
        }

        if (!IsMutating(request))
        {
            return next(context);
        }

        if (!request.Headers.TryGetValue(TokenHeader, out var presented) || presented.Count != 1 || string.IsNullOrEmpty(presented[0]))
        {
            return RefuseAsync(context, StatusCodes.Status401Unauthorized, $"admin routes need the {TokenHeader} header (the token printed on first start, kept in {token.Source})");
        }

        if (!token.Matches(presented[0]))
        {
            return RefuseAsync(context, StatusCodes.Status403Forbidden, $"the {TokenHeader} header does not match the admin token");
        }

        if (!IsJson(request.ContentType))
        {
            return RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "admin routes take Content-Type: application/json");
        }

        return next(context);
    }

    /// <summary>Anything but a read, outside the webhooks (platform pushes carry their own signatures).</summary>
    public static bool IsMutating(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        && !request.Path.StartsWithSegments("/api/webhooks", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        var reply = HttpReply.Error(status, reason);
        context.Response.StatusCode = reply.StatusCode;
        context.Response.ContentType = reply.ContentType;
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }
}
