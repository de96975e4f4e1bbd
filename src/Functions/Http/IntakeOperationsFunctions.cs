using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using ServerlessSync.Pipeline.Intake;

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
