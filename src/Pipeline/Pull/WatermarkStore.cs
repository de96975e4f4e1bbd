namespace ServerlessSync.Pipeline.Pull;

/// <summary>Per shop, the update time up to which every changed order has been enqueued.</summary>
public sealed class WatermarkStore(StorageClients storage)
{
    public const string TableName = "Watermarks";

    public async Task<DateTimeOffset?> GetAsync(string platform, string shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(platform, TableKeys.Sanitize(shopId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value?.GetDateTimeOffset("Watermark") : null;
    }

    public async Task SetAsync(string platform, string shopId, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        await table.UpsertEntityAsync(new TableEntity(platform, TableKeys.Sanitize(shopId)) { ["Watermark"] = watermark }, TableUpdateMode.Replace, cancellationToken);
    }
}
