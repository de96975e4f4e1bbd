using Azure;
using Azure.Data.Tables;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// The in-flight markers of ERP creates (table <c>ErpCreates</c>, one row per platform order, partitioned by shop):
/// written just before a create is sent and marked answered when the ERP answered it, so a later attempt knows whether
/// an earlier create may still commit (<see cref="ErpCommitHorizon"/>). Rows of one shop are written in one Tables
/// transaction per 100 orders, so a batch of orders costs one storage call.
/// </summary>
public sealed class ErpCreateMarkers(StorageClients storage)
{
    public const string TableName = "ErpCreates";

    private const int MaxTransactionActions = 100;

    /// <summary>The marker of each platform order that has one, by platform order number.</summary>
    public async Task<IReadOnlyDictionary<string, ErpCreateMarker>> GetAsync(IReadOnlyCollection<ErpOrderIdentity> orders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var table = await storage.TableAsync(TableName);
        var reads = orders.Select(async o =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(o), RowKey(o), cancellationToken: cancellationToken);
            return (o.ExternalOrderNo, Marker: row.HasValue && row.Value is { } entity ? FromEntity(entity) : null);
        });
        var found = new Dictionary<string, ErpCreateMarker>(StringComparer.Ordinal);
        foreach (var (externalOrderNo, marker) in await Task.WhenAll(reads))
        {
            if (marker is not null)
            {
                found[externalOrderNo] = marker;
            }
        }

        return found;
    }

    /// <summary>Records that a create of these orders is about to be sent (unanswered until <see cref="MarkAnsweredAsync"/>).</summary>
    public Task MarkSentAsync(IReadOnlyCollection<ErpOrderIdentity> orders, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        UpsertAsync(orders, o => SentRow(o, sentAt), cancellationToken);

    private static TableEntity SentRow(ErpOrderIdentity order, DateTimeOffset sentAt) =>
        new(PartitionKey(order), RowKey(order)) { ["SentAt"] = sentAt, ["Answered"] = false };

    /// <summary>
    /// Records that creates of these orders are about to be sent, for the orders that have no marker yet: one insert-only
    /// transaction per shop and 100 orders, which writes nothing when any of its rows exists. Answers the orders of the
    /// transactions that failed so, for which nothing was written: the caller reads their markers and decides. The insert
    /// is the check, so an order sent for the first time (the common case) costs no read.
    /// </summary>
    public async Task<IReadOnlyCollection<ErpOrderIdentity>> MarkFirstSentAsync(IReadOnlyCollection<ErpOrderIdentity> orders, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var table = await storage.TableAsync(TableName);
        var contested = new List<ErpOrderIdentity>();
        var chunks = orders.DistinctBy(o => (PartitionKey(o), RowKey(o))).GroupBy(PartitionKey).SelectMany(shop => shop.Chunk(MaxTransactionActions));
        await Task.WhenAll(chunks.Select(async chunk =>
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(o => new TableTransactionAction(TableTransactionActionType.Add, SentRow(o, sentAt))), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                lock (contested)
                {
                    contested.AddRange(chunk);
                }
            }
        }));
        return contested;
    }

    /// <summary>Records that the ERP answered the create of these orders, so nothing of it can commit later.</summary>
    public Task MarkAnsweredAsync(IReadOnlyCollection<ErpOrderIdentity> orders, CancellationToken cancellationToken) =>
        UpsertAsync(orders, o => new TableEntity(PartitionKey(o), RowKey(o)) { ["Answered"] = true }, cancellationToken);

    private async Task UpsertAsync(IReadOnlyCollection<ErpOrderIdentity> orders, Func<ErpOrderIdentity, TableEntity> row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (orders.Count == 0)
        {
            return;
        }

        var table = await storage.TableAsync(TableName);
        var transactions = orders
            .DistinctBy(o => (PartitionKey(o), RowKey(o)))
            .GroupBy(PartitionKey)
            .SelectMany(shop => shop.Chunk(MaxTransactionActions))
            .Select(chunk => table.SubmitTransactionAsync(
                chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertMerge, row(o))), cancellationToken));
        await Task.WhenAll(transactions);
    }

    private static ErpCreateMarker FromEntity(TableEntity entity) =>
        new(entity.GetDateTimeOffset("SentAt") ?? DateTimeOffset.MinValue, entity.GetBoolean("Answered") ?? false);

    private static string PartitionKey(ErpOrderIdentity order) => TableKeys.Sanitize($"{order.Platform}:{order.ShopId}");

    private static string RowKey(ErpOrderIdentity order) => TableKeys.Sanitize(order.ExternalOrderNo);
}

/// <summary>Which platform order an ERP document belongs to.</summary>
public sealed record ErpOrderIdentity(string Platform, string ShopId, string ExternalOrderNo)
{
    public static ErpOrderIdentity Of(ErpSalesOrder document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new ErpOrderIdentity(document.Platform, document.ShopId, document.ExternalOrderNo);
    }
}
