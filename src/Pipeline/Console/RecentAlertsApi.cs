using Azure.Data.Tables;
using ServerlessSync.Domain.Alerts;
using ServerlessSync.Pipeline.Alerts;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Storage;

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
        var take = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, out take) || take < 1 || take > MaxLimit))
        {
            return HttpReply.Error(400, $"limit must be between 1 and {MaxLimit}");
        }

        var table = await storage.TableAsync(AlertService.LogTable);
        var alerts = new List<object>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == "alert", maxPerPage: Math.Min(take, 1000), cancellationToken: cancellationToken))
        {
            var kind = Enum.TryParse<AlertKind>(e.GetString("Kind"), out var k) ? k : (AlertKind?)null;
            alerts.Add(new
            {
                kind = e.GetString("Kind"),
                title = kind is { } known ? new AlertMessage(known, "", "", "", default).Title : e.GetString("Kind"),
                target = e.GetString("Target"),
                instanceId = e.GetString("InstanceId"),
                reason = e.GetString("Reason"),
                at = e.GetDateTimeOffset("At"),
            });
            if (alerts.Count >= take)
            {
                break;
            }
        }

        return HttpReply.JsonBody(200, new { count = alerts.Count, alerts });
    }
}
