namespace ServerlessSync.Pipeline.StockPush;

/// <summary>A platform SKU the hub has seen on a synced order: the ids its stock API needs, and how its last pushes went.</summary>
/// <param name="Pushed">The stock the platform showed after the last successful push; null before the first.</param>
/// <param name="Failures">Failed pushes since the last success; the next try waits until <paramref name="NextTryAt"/>.</param>
public sealed record StockPushSku(
    string Platform,
    string ShopId,
    string ProductId,
    string SkuId,
    string? MerchantCode,
    long? Pushed = null,
    DateTimeOffset? PushedAt = null,
    int Failures = 0,
    DateTimeOffset? NextTryAt = null,
    string? LastError = null)
{
    public bool RetryWaiting(DateTimeOffset now) => Failures > 0 && NextTryAt > now;

    public bool RetryDue(DateTimeOffset now) => Failures > 0 && !(NextTryAt > now);
}

/// <summary>A shop with SKUs to push: when an ERP write last changed its stock, which change the last run covered, and its last full push.</summary>
public sealed record StockPushShop(string Platform, string ShopId, DateTimeOffset? ChangedAt, DateTimeOffset? WorkedAt, DateTimeOffset? FullAt)
{
    public bool Changed => ChangedAt is { } changed && !(WorkedAt >= changed);
}

/// <summary>
/// The stock push's durable state: table <c>StockPushSkus</c> (one row per platform SKU, partition platform:shop) and
/// <c>StockPushShops</c> (one row per shop). Identity and push state are merged separately, so recording a SKU seen
/// again never resets how its pushes went.
/// </summary>
public sealed class StockPushStore(StorageClients storage)
{
    public const string SkusTable = "StockPushSkus";
    public const string ShopsTable = "StockPushShops";
    private const string ShopPartition = "shop";

    public async Task RecordSkuAsync(string platform, string shopId, string productId, string skuId, string? merchantCode, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(SkusTable);
        await table.UpsertEntityAsync(
            new TableEntity(Partition(platform, shopId), TableKeys.Sanitize(skuId))
            {
                ["Platform"] = platform,
                ["ShopId"] = shopId,
                ["ProductId"] = productId,
                ["SkuId"] = skuId,
                ["MerchantCode"] = merchantCode,
            },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    public async Task MarkChangedAsync(string platform, string shopId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(ShopsTable);
        await table.UpsertEntityAsync(
            new TableEntity(ShopPartition, TableKeys.Sanitize($"{platform}:{shopId}")) { ["Platform"] = platform, ["ShopId"] = shopId, ["ChangedAt"] = at },
            TableUpdateMode.Merge,
            cancellationToken);
    }

    /// <summary>Records what a run covered: the change it saw (<paramref name="workedAt"/>) and, after a full push, when.</summary>
    public async Task SaveRunAsync(string platform, string shopId, DateTimeOffset? workedAt, DateTimeOffset? fullAt, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(ShopsTable);
        var entity = new TableEntity(ShopPartition, TableKeys.Sanitize($"{platform}:{shopId}")) { ["Platform"] = platform, ["ShopId"] = shopId };
        if (workedAt is { } worked)
        {
            entity["WorkedAt"] = worked;
        }

        if (fullAt is { } full)
        {
            entity["FullAt"] = full;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<StockPushShop>> ListShopsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(ShopsTable);
        var shops = new List<StockPushShop>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ShopPartition}"), cancellationToken: cancellationToken))
        {
            shops.Add(new StockPushShop(e.GetString("Platform"), e.GetString("ShopId"), e.GetDateTimeOffset("ChangedAt"), e.GetDateTimeOffset("WorkedAt"), e.GetDateTimeOffset("FullAt")));
        }

        return shops;
    }

    /// <summary>The shop's SKUs, or every shop's with <paramref name="platform"/> and <paramref name="shopId"/> null.</summary>
    public async Task<IReadOnlyList<StockPushSku>> ListSkusAsync(string? platform, string? shopId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(SkusTable);
        var filter = platform is not null && shopId is not null ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition(platform, shopId)}") : null;
        var skus = new List<StockPushSku>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            skus.Add(new StockPushSku(
                e.GetString("Platform"), e.GetString("ShopId"), e.GetString("ProductId") ?? "", e.GetString("SkuId"), e.GetString("MerchantCode"),
                e.GetInt64("Pushed"), e.GetDateTimeOffset("PushedAt"), e.GetInt32("Failures") ?? 0, e.GetDateTimeOffset("NextTryAt"), e.GetString("LastError")));
        }

        return skus;
    }

    /// <summary>Saves how the SKU's last push went, replacing the row (a property left null is removed, not kept).</summary>
    public async Task SaveOutcomeAsync(StockPushSku sku, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(SkusTable);
        await table.UpsertEntityAsync(
            new TableEntity(Partition(sku.Platform, sku.ShopId), TableKeys.Sanitize(sku.SkuId))
            {
                ["Platform"] = sku.Platform,
                ["ShopId"] = sku.ShopId,
                ["ProductId"] = sku.ProductId,
                ["SkuId"] = sku.SkuId,
                ["MerchantCode"] = sku.MerchantCode,
                ["Pushed"] = sku.Pushed,
                ["PushedAt"] = sku.PushedAt,
                ["Failures"] = sku.Failures,
                ["NextTryAt"] = sku.NextTryAt,
                ["LastError"] = sku.LastError is { Length: > 4_000 } e ? e[..4_000] : sku.LastError,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    private static string Partition(string platform, string shopId) => TableKeys.Sanitize($"{platform}:{shopId}");
}
