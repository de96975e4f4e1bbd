namespace ServerlessSync.Functions.Http;

/// <summary>
/// The role each HTTP function needs, per method. <see cref="AdminAccessMiddleware"/> refuses an HTTP function that is
/// not listed here, so a new route without a role fails closed (and fails the test that walks functions.metadata).
/// </summary>
public static class FunctionRoles
{
    /// <summary>Reached without a role: platforms sign their pushes, probes need health, pages load scripts by plain tags.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal) { WebhookFunction.Name, HealthFunction.Name, WebAssetFunction.Name };

    private static readonly Dictionary<string, Dictionary<string, AdminRole>> Roles = new(StringComparer.Ordinal)
    {
        [DashboardPageFunction.Name] = Get(AdminRole.Viewer),
        [ConsolePageFunction.Name] = Get(AdminRole.Viewer),
        [StatsSummaryFunction.Name] = Get(AdminRole.Viewer),
        [RecentAlertsFunction.Name] = Get(AdminRole.Viewer),
        [StockPushFunction.Name] = Get(AdminRole.Viewer),
        [GetOrderFunction.Name] = Get(AdminRole.Viewer),
        [QuarantineListFunction.Name] = Get(AdminRole.Viewer),
        [ProfileHistoryFunction.Name] = Get(AdminRole.Viewer),
        [IntakePoisonFunction.Name] = Get(AdminRole.Viewer),
        [ReconciliationFunction.Name] = Get(AdminRole.Operator), // asks the platform and the ERP: not for every viewer
        [PullSkippedFunction.Name] = Get(AdminRole.Operator),
        [HeldPushesFunction.Name] = Get(AdminRole.Operator),
        [IntakePoisonRedriveFunction.Name] = Post(AdminRole.Operator),
        [HeldPushesReplayFunction.Name] = Post(AdminRole.Operator),
        [AuditTrailFunction.Name] = Get(AdminRole.Operator),
        [ResyncOrderFunction.Name] = Post(AdminRole.Operator),
        [QuarantineReleaseFunction.Name] = Post(AdminRole.Operator),
        [ProfileFunction.Name] = new(StringComparer.OrdinalIgnoreCase) { ["GET"] = AdminRole.Viewer, ["PUT"] = AdminRole.Admin },
        [ProfileDryRunFunction.Name] = Post(AdminRole.Admin),
        [MappingSkusFunction.Name] = Get(AdminRole.Viewer),
        [ComboSplitFunction.Name] = Get(AdminRole.Viewer),
        [MaterialSearchFunction.Name] = Get(AdminRole.Operator), // asks the ERP: not for every viewer
        [MappingPreviewFunction.Name] = Post(AdminRole.Admin),
        [MappingVersionsFunction.Name] = new(StringComparer.OrdinalIgnoreCase) { ["GET"] = AdminRole.Viewer, ["POST"] = AdminRole.Admin },
        [MappingVersionFunction.Name] = Get(AdminRole.Viewer),
        [MappingRestoreFunction.Name] = Post(AdminRole.Admin),
    };

    /// <summary>The role <paramref name="functionName"/> needs for <paramref name="method"/>; null when it is not listed (refuse).</summary>
    public static AdminRole? Required(string functionName, string method) =>
        Roles.TryGetValue(functionName, out var byMethod) && byMethod.TryGetValue(method, out var role) ? role : null;

    public static IEnumerable<string> Listed => Roles.Keys;

    public static bool IsMutating(string method) => !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    private static Dictionary<string, AdminRole> Get(AdminRole role) => new(StringComparer.OrdinalIgnoreCase) { ["GET"] = role };

    private static Dictionary<string, AdminRole> Post(AdminRole role) => new(StringComparer.OrdinalIgnoreCase) { ["POST"] = role };
}
