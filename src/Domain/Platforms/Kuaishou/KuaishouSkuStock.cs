namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>The limits of <see cref="KuaishouApiMethods.SkuStockUpdate"/> and the reading of <see cref="KuaishouApiMethods.SkuListGet"/>'s answer.</summary>
public static class KuaishouSkuStock
{
    /// <summary>A SKU's stock may not exceed this: "当前库存+ skuChangeStock 不能大于 9999999".</summary>
    public const long MaxStock = 9_999_999;

    /// <summary>One change is "大于 0 小于 9999999".</summary>
    public const long MaxChange = MaxStock - 1;

    public const int ChangeTypeAdd = 1;
    public const int ChangeTypeSubtract = 2;

    /// <summary>The <c>skuStock</c> of the SKU whose <c>kwaiSkuId</c> is <paramref name="skuId"/> in an <c>open.item.sku.list.get</c> answer.</summary>
    /// <returns>The stock, or the platform's refusal.</returns>
    /// <exception cref="KuaishouResponseFormatException">Not an envelope, the SKU is not listed, or it has no stock figure.</exception>
    public static (long? Stock, KuaishouApiError? Error) StockOf(string json, string skuId)
    {
        using var document = KuaishouEnvelope.Parse(json);
        var (data, error) = KuaishouEnvelope.Read(document);
        if (error is not null)
        {
            return (null, error);
        }

        var list = PlatformJson.Property(data!.Value, "skuList");
        var sku = list is { ValueKind: System.Text.Json.JsonValueKind.Array } skus
            ? skus.EnumerateArray().Where(s => PlatformJson.Id(s, "kwaiSkuId") == skuId).Select(s => (System.Text.Json.JsonElement?)s).FirstOrDefault()
            : null;
        if (sku is null)
        {
            throw new KuaishouResponseFormatException($"skuList has no SKU {skuId}");
        }

        return PlatformJson.Long(sku.Value, "skuStock") is { } stock and >= 0
            ? (stock, null)
            : throw new KuaishouResponseFormatException($"SKU {skuId} has no skuStock of zero or more");
    }
}
