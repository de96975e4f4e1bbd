using ServerlessSync.Pipeline.Audit;
using ServerlessSync.Pipeline.Mapping;

namespace ServerlessSync.Functions.Http;

// The mapping workbench's routes (docs/mapping-workbench.md). Roles: FunctionRoles; every change is audited.

/// <summary><c>GET /api/mapping/{platform}/{shopId}/skus</c>: SKUs seen and what each maps to (viewer).</summary>
public sealed class MappingSkusFunction(SkusSeenApi skus)
{
    public const string Name = "MappingSkus";
    public const string Route = "mapping/{platform}/{shopId}/skus";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken) =>
        (await skus.ListAsync(platform, shopId, cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/mapping/materials?q=&amp;top=</c>: the ERP's materials matching a text (operator: it asks the ERP).</summary>
public sealed class MaterialSearchFunction(MaterialSearchApi materials)
{
    public const string Name = "MaterialSearch";
    public const string Route = "mapping/materials";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, CancellationToken cancellationToken) =>
        (await materials.SearchAsync(request.Query["q"].FirstOrDefault(), request.Query["top"].FirstOrDefault(), cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/mapping/combo-split?amountFen=&amp;basis=&amp;components=</c>: a combo's split to the fen (viewer).</summary>
public sealed class ComboSplitFunction
{
    public const string Name = "ComboSplit";
    public const string Route = "mapping/combo-split";

    [Function(Name)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request) =>
        ComboSplitApi.Split(request.Query["amountFen"].FirstOrDefault(), request.Query["basis"].FirstOrDefault(), request.Query["components"].FirstOrDefault()).ToActionResult();
}

/// <summary><c>POST /api/mapping/{platform}/{shopId}/preview</c>: a draft's ERP document for one order beside the current one (admin).</summary>
public sealed class MappingPreviewFunction(MappingPreviewApi preview, AdminAuditLog audit)
{
    public const string Name = "MappingPreview";
    public const string Route = "mapping/{platform}/{shopId}/preview";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken) =>
        (await audit.RunAsync(AdminAccess.CallerOf(request), request, "mapping.preview", () => AdminRequestBody.HandleAsync(request, body => preview.PreviewAsync(platform, shopId, body, cancellationToken), cancellationToken), cancellationToken)).ToActionResult();
}

/// <summary><c>GET|POST /api/mapping/{platform}/{shopId}/versions</c>: history with field diffs (viewer), or save with a comment (admin).</summary>
public sealed class MappingVersionsFunction(MappingVersionsApi versions, AdminAuditLog audit)
{
    public const string Name = "MappingVersions";
    public const string Route = "mapping/{platform}/{shopId}/versions";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Route)] HttpRequest request, string platform, string shopId, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return (await versions.HistoryAsync(platform, shopId, cancellationToken)).ToActionResult();
        }

        var caller = AdminAccess.CallerOf(request);
        return (await audit.RunAsync(caller, request, "profile.save", () => AdminRequestBody.HandleAsync(request, body => versions.SaveAsync(platform, shopId, body, caller.Actor, cancellationToken), cancellationToken), cancellationToken)).ToActionResult();
    }
}

/// <summary><c>GET /api/mapping/{platform}/{shopId}/versions/{version}</c>: one stored version (viewer).</summary>
public sealed class MappingVersionFunction(MappingVersionsApi versions)
{
    public const string Name = "MappingVersion";
    public const string Route = "mapping/{platform}/{shopId}/versions/{version}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string platform, string shopId, string version, CancellationToken cancellationToken) =>
        (await versions.GetAsync(platform, shopId, version, cancellationToken)).ToActionResult();
}

/// <summary><c>POST /api/mapping/{platform}/{shopId}/versions/{version}/restore</c>: an older version saved again as the newest (admin).</summary>
public sealed class MappingRestoreFunction(MappingVersionsApi versions, AdminAuditLog audit)
{
    public const string Name = "MappingRestore";
    public const string Route = "mapping/{platform}/{shopId}/versions/{version}/restore";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string platform, string shopId, string version, CancellationToken cancellationToken)
    {
        var caller = AdminAccess.CallerOf(request);
        return (await audit.RunAsync(caller, request, "profile.restore", () => AdminRequestBody.HandleAsync(request, body => versions.RestoreAsync(platform, shopId, version, body, caller.Actor, cancellationToken), cancellationToken), cancellationToken)).ToActionResult();
    }
}
