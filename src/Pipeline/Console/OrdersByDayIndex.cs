using Azure.Data.Tables;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.OpsConsole;

/// <summary>One order of a shop's day as the reconciliation reads it.</summary>
public sealed record DayOrder(string OrderId, SyncStatus Status, OrderStatus? PlatformStatus, long PaidAmountFen, string? ErpOrderNumber, DateTimeOffset? CreatedAt);

/// <summary>
/// The ledger's orders by shop and business day (the order's creation day, UTC+8), one row per order, upserted by the
/// stats recorder after every ledger change. The ledger itself is keyed by shop only, so without this index a
/// reconciliation of one day would have to read every order the shop ever had.
/// </summary>
public sealed class OrdersByDayIndex(StorageClients storage)
{
    public const string TableName = "OrdersByDay";

    public static string PartitionKey(string platform, string shopId, string day) => TableKeys.Sanitize($"{platform}:{shopId}:{day}");

    public async Task PutAsync(string day, LedgerEntry entry, DateTimeOffset? createdAt, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var entity = new TableEntity(PartitionKey(entry.Key.Platform, entry.Key.ShopId, day), TableKeys.Sanitize(entry.Key.OrderId))
        {
            ["OrderId"] = entry.Key.OrderId,
            ["Status"] = entry.Status.ToString(),
            ["PlatformStatus"] = entry.PlatformStatus?.ToString(),
            ["PaidAmountFen"] = entry.PaidAmountFen,
            ["ErpOrderNumber"] = entry.ErpOrderNumber,
        };
        if (createdAt is { } created)
        {
            entity["CreatedAt"] = created;
        }

        // Merge keeps a creation time recorded earlier when this change carried none.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<DayOrder>> ListAsync(string platform, string shopId, string day, int max, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pk = PartitionKey(platform, shopId, day);
        var list = new List<DayOrder>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == pk, cancellationToken: cancellationToken))
        {
            list.Add(new DayOrder(
                e.GetString("OrderId") ?? e.RowKey,
                Enum.Parse<SyncStatus>(e.GetString("Status")),
                e.GetString("PlatformStatus") is { Length: > 0 } ps ? Enum.Parse<OrderStatus>(ps) : null,
                e.GetInt64("PaidAmountFen") ?? 0,
                e.GetString("ErpOrderNumber"),
                e.GetDateTimeOffset("CreatedAt")));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }
}
