using System.Globalization;
using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>
/// Sets a 淘宝 SKU's stock with <c>taobao.item.quantity.update</c> (loop.md §3, TB <c>TaobaoItemQuantityUpdateAPIRequest.go</c>):
/// <c>num_iid</c>, <c>sku_id</c>, <c>quantity</c> and <c>type</c> 1 (全量), signed like every TOP call. Full mode replaces the
/// stock, so a repeat of the same figure changes nothing. Returns the SKU's <c>quantity</c> from the answer when it gives one.
/// </summary>
public sealed class TaobaoStockWriter(
    HttpClient http,
    IOptions<TaobaoOptions> options,
    ILogger<TaobaoStockWriter>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformStockWriter
{
    public const string HttpClientName = "platform-taobao-stock";

    public string Platform => PlatformNames.Taobao;

    public async Task<long> SetStockAsync(string shopId, PlatformSku sku, long quantity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        const string method = TaobaoMethods.ItemQuantityUpdate;
        var subject = $"{PlatformNames.Taobao}:{shopId}:sku:{sku.SkuId}";
        var business = new Dictionary<string, string>
        {
            ["num_iid"] = sku.ProductId,
            ["sku_id"] = sku.SkuId,
            ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
            ["type"] = TaobaoItemQuantity.FullUpdate.ToString(CultureInfo.InvariantCulture),
        };
        var gateway = new TaobaoGateway(http, options.Value, timeProvider ?? TimeProvider.System, logger ?? NullLogger<TaobaoStockWriter>.Instance);
        var body = await gateway.CallAsync(method, shopId, business, subject, cancellationToken);
        (long? Quantity, TaobaoApiError? Error) answer;
        try
        {
            answer = TaobaoItemQuantity.QuantityOf(body, sku.SkuId);
        }
        catch (FormatException ex)
        {
            throw TaobaoGateway.Unreadable(method, subject, ex);
        }

        return answer.Error is { } error ? throw gateway.Fail(method, subject, error) : answer.Quantity ?? quantity;
    }
}
