using System.Globalization;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// Sets a 抖店 SKU's stock with <c>sku.syncStock</c>: POST <c>/sku/syncStock</c>, <c>param_json</c>
/// <c>{"product_id", "sku_id", "stock_num", "incremental": "false"}</c> (loop.md §3, DD <c>sku_syncStock_request.go</c>):
/// full mode replaces the stock, so a repeat of the same figure changes nothing and no <c>idempotent_id</c> is needed
/// (it is required only with <c>incremental=true</c>). No <c>out_warehouse_id</c>: the SKU's normal, not regional, stock.
/// </summary>
public sealed class DouyinStockWriter(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinStockWriter>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformStockWriter
{
    public const string HttpClientName = "platform-douyin-stock";
    public const string SyncStockPath = "/sku/syncStock";

    private readonly ILogger logger = logger ?? NullLogger<DouyinStockWriter>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public async Task<long> SetStockAsync(string shopId, PlatformSku sku, long quantity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var param = new Dictionary<string, string>
        {
            ["product_id"] = sku.ProductId,
            ["sku_id"] = sku.SkuId,
            ["stock_num"] = quantity.ToString(CultureInfo.InvariantCulture),
            ["incremental"] = "false",
        };
        await DouyinGateway.CallAsync(http, options.Value, shopId, SyncStockPath, param, time.GetUtcNow(), $"{PlatformNames.Douyin}:{shopId}:sku:{sku.SkuId}", logger, cancellationToken);
        return quantity;
    }
}
