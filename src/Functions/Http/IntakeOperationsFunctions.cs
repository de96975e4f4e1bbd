using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Pull;

namespace ServerlessSync.Functions.Http;

/// <summary><c>GET /api/intake/poison</c>: how many intake messages wait on the poison queue (viewer).</summary>
public sealed class IntakePoisonFunction(IntakePoisonRedrive poison)
{
    public const string Name = "IntakePoison";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = IntakePoisonRedrive.CountRoute)] HttpRequest request, CancellationToken cancellationToken) =>
        (await poison.CountAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/intake/poison/redrive</c>: moves the poison queue's messages back to <c>orders-intake</c> (operator, audited).</summary>
public sealed class IntakePoisonRedriveFunction(IntakePoisonRedrive poison, AdminAuditLog audit)
{
    public const string Name = "IntakePoisonRedrive";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = IntakePoisonRedrive.Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await audit.RunAsync(AdminAccess.CallerOf(request), request, "intake.poison.redrive", () => poison.RedriveAsync(cancellationToken), cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/pull/skipped</c>: order-list entries a pull could not read, kept for a person (operator).</summary>
public sealed class PullSkippedFunction(SkippedListEntries skipped)
{
    public const string Name = "PullSkipped";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SkippedListEntries.Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await skipped.ListAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/intake/held</c>: verified pushes kept because their shop is not configured yet (operator).</summary>
public sealed class HeldPushesFunction(HeldPushes held)
{
    public const string Name = "HeldPushes";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HeldPushes.Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await held.ListAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/intake/held/replay</c>: processes the held pushes whose shop is configured now (operator, audited; the pull timer also does it).</summary>
public sealed class HeldPushesReplayFunction(HeldPushes held, AdminAuditLog audit)
{
    public const string Name = "HeldPushesReplay";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HeldPushes.ReplayRoute)] HttpRequest request, CancellationToken cancellationToken) =>
        (await audit.RunAsync(AdminAccess.CallerOf(request), request, "intake.held.replay", () => held.ReplayReplyAsync(cancellationToken), cancellationToken)).ToActionResult();
}
