using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Pull;

namespace ServerlessSync.Functions.Http;

/// <summary><c>GET /api/intake/poison</c>: how many intake messages wait on the poison queue (function key).</summary>
public sealed class IntakePoisonFunction(IntakePoisonRedrive poison)
{
    public const string Name = "IntakePoison";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = IntakePoisonRedrive.CountRoute)] HttpRequest request, CancellationToken cancellationToken) =>
        (await poison.CountAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/intake/poison/redrive</c>: moves the poison queue's messages back to <c>orders-intake</c> (function key).</summary>
public sealed class IntakePoisonRedriveFunction(IntakePoisonRedrive poison)
{
    public const string Name = "IntakePoisonRedrive";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = IntakePoisonRedrive.Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await poison.RedriveAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/pull/skipped</c>: order-list entries a pull could not read, kept for a person (function key).</summary>
public sealed class PullSkippedFunction(SkippedListEntries skipped)
{
    public const string Name = "PullSkipped";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = SkippedListEntries.Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await skipped.ListAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/intake/held</c>: verified pushes kept because their shop is not configured yet (function key).</summary>
public sealed class HeldPushesFunction(HeldPushes held)
{
    public const string Name = "HeldPushes";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = HeldPushes.Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await held.ListAsync(cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/intake/held/replay</c>: processes the held pushes whose shop is configured now (function key; the pull timer also does it).</summary>
public sealed class HeldPushesReplayFunction(HeldPushes held)
{
    public const string Name = "HeldPushesReplay";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = HeldPushes.ReplayRoute)] HttpRequest request, CancellationToken cancellationToken) =>
        (await held.ReplayReplyAsync(cancellationToken)).ToActionResult();
}
