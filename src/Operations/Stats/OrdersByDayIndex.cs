namespace ServerlessSync.Pipeline.Stats;

/// <summary>One order of a shop's day as the reconciliation reads it.</summary>
public sealed record DayOrder(string OrderId, SyncStatus Status, OrderStatus? PlatformStatus, long PaidAmountFen, string? ErpOrderNumber, DateTimeOffset? CreatedAt, bool OnPlatform = false)
{
    /// <summary>In the ERP, paid and without a shipment on the platform (the counters' <see cref="OrderContribution.AwaitingShipment"/>).</summary>
    public bool AwaitingShipment => Status == SyncStatus.Synced && PlatformStatus == OrderStatus.Paid && !OnPlatform;
}

/// <summary>
/// The ledger's orders by shop and business day (the order's creation day, UTC+8), one row per order, upserted by the
/// stats recorder after every ledger change. The ledger itself is keyed by shop only, so without this index a
/// reconciliation of one day would have to read every order the shop ever had.
/// </summary>
public sealed class OrdersByDayIndex(StorageClients storage)
{
    public const string TableName = "OrdersByDay";

    public static string PartitionKey(string platform, string shopId, string day) => TableKeys.Sanitize($"{platform}:{shopId}:{day}");

    /// <summary>Actions per transaction: the Table service's limit.</summary>
    private const int MaxActionsPerTransaction = 100;

    /// <param name="counted">What the order is counted as: its day, and whether a shipment of it reached the platform.</param>
    public async Task PutAsync(OrderContribution counted, LedgerEntry entry, DateTimeOffset? createdAt, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);

        // Merge keeps a creation time (and OnPlatform) recorded earlier when this change carried none.
        await table.UpsertEntityAsync(Row(counted, entry, createdAt), TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Many orders' rows, one transaction per shop-day partition and 100 rows (a batch run's write-back).</summary>
    public async Task PutManyAsync(IReadOnlyList<(OrderContribution Counted, LedgerEntry Entry, DateTimeOffset? CreatedAt)> orders, CancellationToken cancellationToken)
    {
        if (orders.Count == 0)
        {
            return;
        }

        var table = await storage.TableAsync(TableName);
        var rows = orders.Select(o => Row(o.Counted, o.Entry, o.CreatedAt)).GroupBy(r => (r.PartitionKey, r.RowKey)).Select(g => g.Last());
        foreach (var partition in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(MaxActionsPerTransaction))
            {
                await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, r)), cancellationToken);
            }
        }
    }

    private static TableEntity Row(OrderContribution counted, LedgerEntry entry, DateTimeOffset? createdAt)
    {
        var entity = new TableEntity(PartitionKey(entry.Key.Platform, entry.Key.ShopId, counted.Day), TableKeys.Sanitize(entry.Key.OrderId))
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

        // Once on the platform, always: written only then, so a late, older change cannot take it back.
        if (counted.OnPlatform)
        {
            entity["OnPlatform"] = true;
        }

        return entity;
    }

    public async Task<IReadOnlyList<DayOrder>> ListAsync(string platform, string shopId, string day, int max, CancellationToken cancellationToken)
    {
        var pk = PartitionKey(platform, shopId, day);
        return await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), max, cancellationToken);
    }

    /// <summary>
    /// The shop's orders of the day that are synced and paid (filtered by the service), of which those not on the platform
    /// await shipment (<see cref="DayOrder.AwaitingShipment"/>): the read grows with the day's synced, paid orders of one shop.
    /// </summary>
    public async Task<IReadOnlyList<DayOrder>> ListSyncedPaidAsync(string platform, string shopId, string day, CancellationToken cancellationToken)
    {
        var pk = PartitionKey(platform, shopId, day);
        var synced = nameof(SyncStatus.Synced);
        var paid = nameof(OrderStatus.Paid);
        return await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Status eq {synced} and PlatformStatus eq {paid}"), int.MaxValue, cancellationToken);
    }

    private async Task<IReadOnlyList<DayOrder>> QueryAsync(string filter, int max, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var list = new List<DayOrder>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new DayOrder(
                e.GetString("OrderId") ?? e.RowKey,
                Enum.Parse<SyncStatus>(e.GetString("Status")),
                e.GetString("PlatformStatus") is { Length: > 0 } ps ? Enum.Parse<OrderStatus>(ps) : null,
                e.GetInt64("PaidAmountFen") ?? 0,
                e.GetString("ErpOrderNumber"),
                e.GetDateTimeOffset("CreatedAt"),
                e.GetBoolean("OnPlatform") ?? false));
            if (list.Count >= max)
            {
                break;
            }
        }

        return list;
    }
}
