namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>Reads the answer of <see cref="TaobaoMethods.ItemQuantityUpdate"/>: <c>item_quantity_update_response.item</c> {<c>num_iid</c>, <c>num</c>, <c>skus.sku[]</c> {<c>sku_id</c>, <c>quantity</c>}}.</summary>
public static class TaobaoItemQuantity
{
    public const int FullUpdate = 1;
    public const int IncrementalUpdate = 2;

    /// <summary>The SKU's quantity as the answer gives it (null when the answer lists no figure for it), or the platform's refusal.</summary>
    /// <exception cref="TaobaoResponseFormatException">Not JSON, or neither envelope.</exception>
    public static (long? Quantity, TaobaoApiError? Error) QuantityOf(string json, string skuId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var body = TaobaoEnvelope.Open(document.RootElement, TaobaoEnvelope.ResponseName(TaobaoMethods.ItemQuantityUpdate), out var error);
            if (body is not { } response)
            {
                return (null, error);
            }

            var item = PlatformJson.Property(response, "item");
            var sku = item is { ValueKind: JsonValueKind.Object } i
                ? TaobaoJson.List(i, "skus", "sku").Where(s => TaobaoJson.Id(s, "sku_id") == skuId).Select(s => (JsonElement?)s).FirstOrDefault()
                : null;
            return (sku is { } s2 ? PlatformJson.Long(s2, "quantity") : null, null);
        }
        catch (JsonException ex)
        {
            throw new TaobaoResponseFormatException("response is not valid JSON", ex);
        }
    }
}
