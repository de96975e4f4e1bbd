using ServerlessSync.Pipeline.OpsConsole;
using ServerlessSync.Pipeline.Stats;
using ServerlessSync.Pipeline.Web;

namespace ServerlessSync.Functions.Http;

/// <summary><c>GET /api/dashboard</c>: the live sales page (viewer; the page passes its <c>?code=</c> on to the APIs it calls).</summary>
public sealed class DashboardPageFunction(WebPagesApi pages)
{
    public const string Name = "DashboardPage";
    public const string Route = "dashboard";

    [Function(Name)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request) =>
        pages.Dashboard().ToActionResult();
}

/// <summary><c>GET /api/console</c>: the operations console page (role: FunctionRoles).</summary>
public sealed class ConsolePageFunction(WebPagesApi pages)
{
    public const string Name = "ConsolePage";
    public const string Route = "console";

    [Function(Name)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request) =>
        pages.Console().ToActionResult();
}

/// <summary>
/// <c>GET /api/web/{name}</c>: the pages' scripts, styles and ECharts. Anonymous on purpose: a browser loads them by
/// plain script and link tags, which cannot carry a function key, and they hold code only, never data.
/// </summary>
public sealed class WebAssetFunction(WebPagesApi pages)
{
    public const string Name = "WebAsset";
    public const string Route = "web/{name}";

    [Function(Name)]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string name) =>
        pages.Asset(name).ToActionResult();
}

/// <summary><c>GET /api/stats/summary[?day=yyyy-MM-dd]</c>: the dashboard's pre-aggregated figures (role: FunctionRoles).</summary>
public sealed class StatsSummaryFunction(StatsSummaryApi stats)
{
    public const string Name = "StatsSummary";
    public const string Route = "stats/summary";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await stats.GetAsync(request.Query["day"].FirstOrDefault(), cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/alerts/recent[?limit=50]</c>: the newest alerts (role: FunctionRoles).</summary>
public sealed class RecentAlertsFunction(RecentAlertsApi alerts)
{
    public const string Name = "RecentAlerts";
    public const string Route = "alerts/recent";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await alerts.GetAsync(request.Query["limit"].FirstOrDefault(), cancellationToken)).ToActionResult();
}

/// <summary><c>GET /api/reconciliation/{platform}/{shopId}/{day}</c>: platform vs ledger vs ERP for one shop's day (role: FunctionRoles).</summary>
public sealed class ReconciliationFunction(ReconciliationApi reconciliation)
{
    public const string Name = "Reconciliation";
    public const string Route = "reconciliation/{platform}/{shopId}/{day}";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string platform,
        string shopId,
        string day,
        CancellationToken cancellationToken) =>
        (await reconciliation.GetAsync(platform, shopId, day, cancellationToken)).ToActionResult();
}
