using System.Text.Json.Nodes;
using ServerlessSync.Domain.Platforms.Kuaishou;
using ServerlessSync.Domain.Stock;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// Sets a 快手 SKU's stock (loop.md §3, KS l.15711). <c>open.item.sku.stock.update</c> only adds or subtracts
/// (<c>skuChangeStock</c> with <c>changeType</c> 1 增加 / 2 减少), so every call first reads the SKU's <c>skuStock</c> with
/// <c>open.item.sku.list.get</c> (<c>kwaiItemId</c>) and sends the difference (<see cref="StockChange"/>): a retry reads again
/// and never applies a change twice, and a subtraction never takes the stock below zero. A figure above the platform's
/// 9,999,999 is shown as 9,999,999, and one change is at most 9,999,998 (the API's bounds); a larger gap closes on the next push.
/// </summary>
public sealed class KuaishouStockWriter(
    HttpClient http,
    IOptions<KuaishouOptions> options,
    ILogger<KuaishouStockWriter>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformStockWriter
{
    public const string HttpClientName = "platform-kuaishou-stock";

    private readonly ILogger logger = logger ?? NullLogger<KuaishouStockWriter>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Kuaishou;

    public async Task<long> SetStockAsync(string shopId, PlatformSku sku, long quantity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var subject = $"{PlatformNames.Kuaishou}:{shopId}:sku:{sku.SkuId}";
        var itemId = KuaishouGateway.Number(sku.ProductId, $"kwaiItemId of {subject}");
        var skuId = KuaishouGateway.Number(sku.SkuId, $"skuId of {subject}");
        var shown = await ReadAsync(shopId, itemId, sku.SkuId, subject, cancellationToken);
        if (StockChange.Between(shown, Math.Min(quantity, KuaishouSkuStock.MaxStock), KuaishouSkuStock.MaxChange) is not { } change)
        {
            return shown;
        }

        var update = new JsonObject
        {
            ["kwaiItemId"] = itemId,
            ["skuId"] = skuId,
            ["skuChangeStock"] = change.Amount,
            ["changeType"] = change.Add ? KuaishouSkuStock.ChangeTypeAdd : KuaishouSkuStock.ChangeTypeSubtract,
        };
        await KuaishouGateway.WriteAsync(http, options.Value, shopId, KuaishouApiMethods.SkuStockUpdate, update, time.GetUtcNow(), subject, logger, cancellationToken);
        return change.After(shown);
    }

    private async Task<long> ReadAsync(string shopId, long itemId, string skuId, string subject, CancellationToken cancellationToken)
    {
        const string method = KuaishouApiMethods.SkuListGet;
        var body = await KuaishouGateway.GetAsync(
            http, options.Value, shopId, method, new JsonObject { ["kwaiItemId"] = itemId }, time.GetUtcNow(), subject, logger, cancellationToken);
        (long? Stock, KuaishouApiError? Error) read;
        try
        {
            read = KuaishouSkuStock.StockOf(body, skuId);
        }
        catch (FormatException ex)
        {
            throw KuaishouGateway.Unreadable(ex, method, subject);
        }

        return read.Error is { } error ? throw KuaishouGateway.Refused(error, method, subject, logger) : read.Stock!.Value;
    }
}
