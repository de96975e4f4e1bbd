using System.Text.Json;
using Azure;

namespace ServerlessSync.Pipeline.Quarantine;

public sealed record QuarantinedOrder(OrderKey Key, SyncStatus Status, string Reason, IReadOnlyList<string> UnmappedSkus, DateTimeOffset Since);

/// <summary>
/// The orders waiting for a person (quarantined or held), one row each, kept by WriteBack as the ledger
/// changes, so the quarantine list reads a small table instead of scanning every order.
/// </summary>
public sealed class QuarantineIndex(StorageClients storage)
{
    public const string TableName = "Quarantine";
    private const string Partition = "waiting";

    public static bool IsWaiting(SyncStatus status) => status is SyncStatus.Quarantined or SyncStatus.OnHold;

    public async Task PutAsync(QuarantinedOrder order, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, TableKeys.Sanitize(order.Key.InstanceId))
            {
                ["Platform"] = order.Key.Platform,
                ["ShopId"] = order.Key.ShopId,
                ["OrderId"] = order.Key.OrderId,
                ["Status"] = order.Status.ToString(),
                ["Reason"] = order.Reason.Length > 4000 ? order.Reason[..4000] : order.Reason,
                ["UnmappedSkus"] = JsonSerializer.Serialize(order.UnmappedSkus),
                ["Since"] = order.Since,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task RemoveAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        try
        {
            await table.DeleteEntityAsync(Partition, TableKeys.Sanitize(key.InstanceId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: released orders are removed by whichever run records them first.
        }
    }

    public async Task<IReadOnlyList<QuarantinedOrder>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var list = new List<QuarantinedOrder>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            list.Add(new QuarantinedOrder(
                new OrderKey(e.GetString("Platform"), e.GetString("ShopId"), e.GetString("OrderId")),
                Enum.Parse<SyncStatus>(e.GetString("Status")),
                e.GetString("Reason") ?? "",
                JsonSerializer.Deserialize<List<string>>(e.GetString("UnmappedSkus") ?? "[]") ?? [],
                e.GetDateTimeOffset("Since") ?? DateTimeOffset.MinValue));
        }

        return list;
    }
}
