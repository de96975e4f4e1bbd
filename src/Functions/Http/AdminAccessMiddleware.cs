using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace ServerlessSync.Functions.Http;

/// <summary>
/// Every HTTP function except <see cref="FunctionRoles.Public"/> runs only for a caller whose role suffices
/// (<see cref="FunctionRoles"/>, <see cref="AdminAccess"/>); an unlisted HTTP function is refused. The functions are
/// anonymous to the Functions runtime: its key check cannot tell roles apart and would lock out Entra-signed-in users.
/// </summary>
public sealed class AdminAccessMiddleware(AdminAccess access) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is null || FunctionRoles.Public.Contains(context.FunctionDefinition.Name))
        {
            await next(context);
            return;
        }

        var refusal = Check(context.FunctionDefinition.Name, http.Request);
        if (refusal is null)
        {
            await next(context);
            return;
        }

        await refusal.ToActionResult().ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>Null when the request may run <paramref name="functionName"/>; otherwise the refusal.</summary>
    public HttpReply? Check(string functionName, HttpRequest request) =>
        FunctionRoles.Required(functionName, request.Method) is { } role
            ? access.Authorize(request, role)
            : HttpReply.Error(403, $"{request.Method} on {functionName} has no role assigned, so nobody may call it");
}
