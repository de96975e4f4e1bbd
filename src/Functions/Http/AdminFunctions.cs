using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Profiles;
using ServerlessSync.Pipeline.Quarantine;

namespace ServerlessSync.Functions.Http;

// Roles per function: FunctionRoles, enforced by AdminAccessMiddleware before these run. Every change is audited.

/// <summary><c>POST /api/orders/{platform}/{shopId}/{orderId}/resync</c> (operator).</summary>
public sealed class ResyncOrderFunction(ResyncApi resync, AdminAuditLog audit)
{
    public const string Name = "ResyncOrder";
    public const string Route = "orders/{platform}/{shopId}/{orderId}/resync";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string platform, string shopId, string orderId, CancellationToken cancellationToken) =>
        (await audit.RunAsync(AdminAccess.CallerOf(request), request, "order.resync", () => resync.ResyncAsync(platform, shopId, orderId, cancellationToken), cancellationToken)).ToActionResult();
}

/// <summary><c>GET|PUT /api/profiles/{platform}/{shopId}</c>: read (viewer), or validate and store a new version (admin).</summary>
public sealed class ProfileFunction(ProfileApi profiles, AdminAuditLog audit)
{
    public const string Name = "Profile";
    public const string Route = "profiles/{platform}/{shopId}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return (await profiles.GetAsync(platform, shopId, cancellationToken)).ToActionResult();
        }

        var caller = AdminAccess.CallerOf(request);
        return (await audit.RunAsync(caller, request, "profile.put", () => AdminRequestBody.HandleAsync(request, body => profiles.PutAsync(platform, shopId, body, caller.Actor, cancellationToken), cancellationToken), cancellationToken)).ToActionResult();
    }
}

/// <summary><c>GET /api/profiles/{platform}/{shopId}/history</c>: every version with who, when and what (viewer).</summary>
public sealed class ProfileHistoryFunction(ProfileApi profiles)
{
    public const string Name = "ProfileHistory";
    public const string Route = "profiles/{platform}/{shopId}/history";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken) =>
        (await profiles.HistoryAsync(platform, shopId, cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/profiles/{platform}/{shopId}/dry-run</c>: a draft applied to recent orders, writing nothing (admin).</summary>
public sealed class ProfileDryRunFunction(ProfileApi profiles, AdminAuditLog audit)
{
    public const string Name = "ProfileDryRun";
    public const string Route = "profiles/{platform}/{shopId}/dry-run";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken) =>
        (await audit.RunAsync(AdminAccess.CallerOf(request), request, "profile.dry-run", () => AdminRequestBody.HandleAsync(request, body => profiles.DryRunAsync(platform, shopId, body, cancellationToken), cancellationToken), cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/quarantine</c>: waiting orders grouped by reason and SKU (viewer).</summary>
public sealed class QuarantineListFunction(QuarantineApi quarantine)
{
    public const string Name = "QuarantineList";
    public const string Route = "quarantine";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await quarantine.ListAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/quarantine/release</c>: resync the waiting orders an explicit filter chooses (operator).</summary>
public sealed class QuarantineReleaseFunction(QuarantineApi quarantine, AdminAuditLog audit)
{
    public const string Name = "QuarantineRelease";
    public const string Route = "quarantine/release";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await audit.RunAsync(AdminAccess.CallerOf(request), request, "quarantine.release", () => AdminRequestBody.HandleAsync(request, body => quarantine.ReleaseAsync(body, cancellationToken), cancellationToken), cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/audit[?limit=100]</c>: the audit trail of admin changes, newest first (operator).</summary>
public sealed class AuditTrailFunction(AdminAuditLog audit)
{
    public const string Name = "AuditTrail";
    public const string Route = "audit";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await audit.ListAsync(request.Query["limit"].FirstOrDefault(), cancellationToken)).ToActionResult();
}
