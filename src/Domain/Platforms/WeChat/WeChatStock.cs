using System.Text.Json.Serialization;

namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>The bodies of 微信小店's stock calls (<see cref="WeChatApiPaths.StockGet"/>, <see cref="WeChatApiPaths.StockUpdate"/>) and the reading of the stock.</summary>
public static class WeChatStock
{
    public const int DiffAdd = 1;
    public const int DiffSubtract = 2;
    public const int DiffSet = 3;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static string GetRequest(string productId, string skuId) => JsonSerializer.Serialize(new Body(productId, skuId, null, null), Json);

    public static string UpdateRequest(string productId, string skuId, int diffType, long num) => JsonSerializer.Serialize(new Body(productId, skuId, diffType, num), Json);

    /// <summary><c>data.normal_stock_num</c> (通用库存: what the SKU sells from outside 限时抢购 and regional stock) of a successful stock/get answer.</summary>
    /// <exception cref="WeChatResponseFormatException">Not JSON, or no stock figure of zero or more.</exception>
    public static long NormalStockOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var data = PlatformJson.Property(document.RootElement, "data");
            return data is { ValueKind: JsonValueKind.Object } d && PlatformJson.Long(d, "normal_stock_num") is { } stock and >= 0
                ? stock
                : throw new WeChatResponseFormatException("stock/get answer has no data.normal_stock_num of zero or more");
        }
        catch (JsonException ex)
        {
            throw new WeChatResponseFormatException("stock/get answer is not valid JSON", ex);
        }
    }

    private sealed record Body(
        [property: JsonPropertyName("product_id")] string ProductId,
        [property: JsonPropertyName("sku_id")] string SkuId,
        [property: JsonPropertyName("diff_type")] int? DiffType,
        [property: JsonPropertyName("num")] long? Num);
}
