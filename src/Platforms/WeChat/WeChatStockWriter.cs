using ServerlessSync.Domain.Platforms.WeChat;
using ServerlessSync.Domain.Stock;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

/// <summary>
/// Sets a 微信小店 SKU's stock (loop.md §3): reads <c>data.normal_stock_num</c> with <c>POST /channels/ec/product/stock/get</c>,
/// then sends the difference to <c>POST /channels/ec/product/stock/update</c> with <c>diff_type</c> 1 (增加) or 2 (减少). The
/// documentation advises 1 or 2 and warns that 3 (设置) "在高并发场景可能会出现预期外表现", so set is not used. The read before
/// every try keeps a retry from applying a change twice (the writer's <see cref="WeChatApi"/> has no retrying handler), and a
/// subtraction is never more than what is shown. 10020112 (updated too often) and 10020219 (a sale took the stock meanwhile)
/// are retried later.
/// </summary>
public sealed class WeChatStockWriter(WeChatApi api) : IPlatformStockWriter
{
    public const string HttpClientName = "platform-wechat-stock";

    public string Platform => PlatformNames.WeChat;

    public async Task<long> SetStockAsync(string shopId, PlatformSku sku, long quantity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var subject = $"{PlatformNames.WeChat}:{shopId}:sku:{sku.SkuId}";
        var read = await api.PostAsync(shopId, WeChatApiPaths.StockGet, WeChatStock.GetRequest(sku.ProductId, sku.SkuId), subject, cancellationToken);
        long shown;
        try
        {
            shown = WeChatStock.NormalStockOf(read);
        }
        catch (WeChatResponseFormatException ex)
        {
            throw new PlatformRequestException($"WeChat {WeChatApiPaths.StockGet} for {subject} returned an unreadable answer: {ex.Message}", ex);
        }

        if (StockChange.Between(shown, quantity) is not { } change)
        {
            return shown;
        }

        var diffType = change.Add ? WeChatStock.DiffAdd : WeChatStock.DiffSubtract;
        await api.PostAsync(shopId, WeChatApiPaths.StockUpdate, WeChatStock.UpdateRequest(sku.ProductId, sku.SkuId, diffType, change.Amount), subject, cancellationToken);
        return change.After(shown);
    }
}
