using Azure;

namespace ServerlessSync.Pipeline.Shipments;

/// <summary>
/// ERP order number → platform order (table <c>ErpOrders</c>, one row per synced order), written when the ledger records an
/// order Synced, so an ERP outbound document, which names only the ERP's sales order, finds the platform order it ships.
/// </summary>
public sealed class ErpOrderIndex(StorageClients storage)
{
    public const string TableName = "ErpOrders";
    private const string Partition = "order";

    public async Task PutAsync(string erpOrderNumber, OrderKey key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(erpOrderNumber);
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(
            new TableEntity(Partition, TableKeys.Sanitize(erpOrderNumber))
            {
                ["ErpOrderNumber"] = erpOrderNumber,
                ["Platform"] = key.Platform,
                ["ShopId"] = key.ShopId,
                ["OrderId"] = key.OrderId,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>The platform order of each number the index knows; unknown numbers (orders the hub did not write) are absent.</summary>
    public async Task<IReadOnlyDictionary<string, OrderKey>> FindAsync(IEnumerable<string> erpOrderNumbers, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var found = new Dictionary<string, OrderKey>(StringComparer.Ordinal);
        foreach (var number in erpOrderNumbers.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Sanitize(number), cancellationToken: cancellationToken);
            if (row.HasValue && row.Value is { } e && e.GetString("ErpOrderNumber") == number)
            {
                found[number] = new OrderKey(e.GetString("Platform"), e.GetString("ShopId"), e.GetString("OrderId"));
            }
        }

        return found;
    }
}
