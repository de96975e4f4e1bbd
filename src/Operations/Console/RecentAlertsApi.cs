using ServerlessSync.Domain.Alerts;
using ServerlessSync.Pipeline.Alerts;

namespace ServerlessSync.Pipeline.OpsConsole;

/// <summary>
/// <c>GET /api/alerts/recent[?limit=50]</c>: the newest alerts the <see cref="AlertService"/> logged (ids and reasons
/// only). The log's row keys are inverted ticks, so the first rows of its partition are the newest.
/// </summary>
public sealed class RecentAlertsApi(StorageClients storage)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public async Task<HttpReply> GetAsync(string? limit, CancellationToken cancellationToken)
    {
        if (!TableListing.TryParseLimit(limit, DefaultLimit, MaxLimit, out var take))
        {
            return HttpReply.Error(400, TableListing.LimitError(MaxLimit));
        }

        var table = await storage.TableAsync(AlertService.LogTable);
        var alerts = await table.FirstAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"alert"}"), take, e =>
        {
            var kind = Enum.TryParse<AlertKind>(e.GetString("Kind"), out var k) ? k : (AlertKind?)null;
            return new
            {
                kind = e.GetString("Kind"),
                title = kind is { } known ? new AlertMessage(known, "", "", "", default).Title : e.GetString("Kind"),
                target = e.GetString("Target"),
                instanceId = e.GetString("InstanceId"),
                reason = e.GetString("Reason"),
                at = e.GetDateTimeOffset("At"),
            };
        }, cancellationToken);
        return HttpReply.JsonBody(200, new { count = alerts.Count, alerts });
    }
}
