using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Http.Access;

/// <summary>
/// Decides who calls the Functions app's admin surface and whether their role suffices: the App Service authentication
/// principal when <see cref="AccessOptions.EasyAuthEnabled"/> (App Service strips that header from client requests only
/// then), else a role key in <c>x-functions-key</c> or <c>?code=</c> compared in constant time with the configured ones.
/// </summary>
public sealed class AdminAccess(IOptions<AccessOptions> options)
{
    public const string KeyHeader = "x-functions-key";
    private static readonly object CallerKey = new();

    public AdminCaller? Identify(HttpRequest request)
    {
        var settings = options.Value;
        if (settings.EasyAuthEnabled
            && EasyAuthPrincipal.Read(request.Headers[EasyAuthPrincipal.PrincipalHeader].FirstOrDefault(), request.Headers[EasyAuthPrincipal.NameHeader].FirstOrDefault()) is { } principal)
        {
            return principal;
        }

        var presented = request.Headers[KeyHeader].FirstOrDefault() is { Length: > 0 } header ? header : request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        AdminRole? matched = null;
        foreach (var (role, key) in settings.Keys())
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key)))
            {
                matched = role;
            }
        }

        return matched is { } r ? new AdminCaller($"key:{r.ToString().ToLowerInvariant()}", r) : null;
    }

    /// <summary>Null when the caller may go on (and is remembered for <see cref="CallerOf"/>); otherwise the 401 or 403 to answer.</summary>
    public HttpReply? Authorize(HttpRequest request, AdminRole required)
    {
        var caller = Identify(request);
        if (caller is null)
        {
            return HttpReply.Error(401, options.Value.EasyAuthEnabled
                ? "sign in (/.auth/login/aad) or send a role key in x-functions-key"
                : "send a role key (viewer, operator or admin) in x-functions-key or ?code=");
        }

        if (caller.Role < required)
        {
            return HttpReply.Error(403, $"this route needs the {required.ToString().ToLowerInvariant()} role; {caller.Actor} is {caller.Role.ToString().ToLowerInvariant()}");
        }

        request.HttpContext.Items[CallerKey] = caller;
        return null;
    }

    /// <summary>The caller <see cref="Authorize"/> let through on this request.</summary>
    public static AdminCaller CallerOf(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(CallerKey, out var caller) && caller is AdminCaller admin
            ? admin
            : throw new InvalidOperationException($"{request.Method} {request.Path} reached an admin handler without passing the access check");
}
