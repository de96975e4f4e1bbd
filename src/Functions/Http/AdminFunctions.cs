using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Quarantine;

namespace ServerlessSync.Functions.Http;

/// <summary><c>POST /api/orders/{platform}/{shopId}/{orderId}/resync</c> (function key).</summary>
public sealed class ResyncOrderFunction(ResyncApi resync)
{
    public const string Name = "ResyncOrder";
    public const string Route = "orders/{platform}/{shopId}/{orderId}/resync";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request, string platform, string shopId, string orderId, CancellationToken cancellationToken) =>
        (await resync.ResyncAsync(platform, shopId, orderId, cancellationToken)).ToActionResult();
}

/// <summary><c>GET|PUT /api/profiles/{platform}/{shopId}</c>: read, or validate and store a new version (function key).</summary>
public sealed class ProfileFunction(ProfileApi profiles)
{
    public const string Name = "Profile";
    public const string Route = "profiles/{platform}/{shopId}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", "put", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return (await profiles.GetAsync(platform, shopId, cancellationToken)).ToActionResult();
        }

        return await AdminBody.HandleAsync(request, cancellationToken, body => profiles.PutAsync(platform, shopId, body, AdminIdentity.Of(request), cancellationToken));
    }
}

/// <summary><c>GET /api/profiles/{platform}/{shopId}/history</c>: every version with who, when and what (function key).</summary>
public sealed class ProfileHistoryFunction(ProfileApi profiles)
{
    public const string Name = "ProfileHistory";
    public const string Route = "profiles/{platform}/{shopId}/history";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken) =>
        (await profiles.HistoryAsync(platform, shopId, cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/profiles/{platform}/{shopId}/dry-run</c>: a draft applied to recent orders, writing nothing (function key).</summary>
public sealed class ProfileDryRunFunction(ProfileApi profiles)
{
    public const string Name = "ProfileDryRun";
    public const string Route = "profiles/{platform}/{shopId}/dry-run";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken) =>
        AdminBody.HandleAsync(request, cancellationToken, body => profiles.DryRunAsync(platform, shopId, body, cancellationToken));
}

/// <summary><c>GET /api/quarantine</c>: waiting orders grouped by reason and SKU (function key).</summary>
public sealed class QuarantineListFunction(QuarantineApi quarantine)
{
    public const string Name = "QuarantineList";
    public const string Route = "quarantine";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await quarantine.ListAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/quarantine/release</c>: resync the chosen waiting orders in bulk (function key).</summary>
public sealed class QuarantineReleaseFunction(QuarantineApi quarantine)
{
    public const string Name = "QuarantineRelease";
    public const string Route = "quarantine/release";

    [Function(Name)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        AdminBody.HandleAsync(request, cancellationToken, body => quarantine.ReleaseAsync(body, cancellationToken));
}

internal static class AdminBody
{
    public static async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken, Func<string, Task<HttpReply>> handle) =>
        (await AdminIdentity.ReadBodyAsync(request, cancellationToken) is { } body
            ? await handle(body)
            : HttpReply.Error(413, $"body exceeds {AdminIdentity.MaxBodyBytes} bytes")).ToActionResult();
}
