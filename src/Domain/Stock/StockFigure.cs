using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Domain.Stock;

/// <summary>
/// The stock a platform SKU should show: the ERP's available stock of its material (a combo: the fewest whole combos its
/// components make, min over components of floor(stock / quantity per combo)), less the profile's safety buffer, never
/// below zero.
/// </summary>
public static class StockFigure
{
    /// <summary>The profile key a platform SKU is mapped under (its SKU id first, then its merchant code, as orders are planned), or null.</summary>
    public static string? MapKeyOf(MappingProfile profile, string skuId, string? merchantCode)
    {
        bool Mapped(string key) => profile.Skus.ContainsKey(key) || profile.Combos.ContainsKey(key);
        return Mapped(skuId) ? skuId : merchantCode is not null && Mapped(merchantCode) ? merchantCode : null;
    }

    /// <summary>The ERP materials whose stock the SKU mapped under <paramref name="mapKey"/> is made of.</summary>
    public static IReadOnlyList<string> Materials(MappingProfile profile, string mapKey) =>
        profile.Combos.TryGetValue(mapKey, out var combo) ? combo.Components.Select(c => c.MaterialNumber).Distinct(StringComparer.Ordinal).ToList()
        : profile.Skus.TryGetValue(mapKey, out var sku) ? [sku.MaterialNumber]
        : [];

    /// <summary>Whole units the ERP can deliver of the SKU mapped under <paramref name="mapKey"/>, before the buffer.</summary>
    public static long Available(MappingProfile profile, string mapKey, StockLevels levels)
    {
        if (profile.Combos.TryGetValue(mapKey, out var combo))
        {
            // A material listed twice in a combo counts its quantities together.
            return combo.Components
                .GroupBy(c => c.MaterialNumber, StringComparer.Ordinal)
                .Select(g => Whole(levels.Available(g.Key) / g.Sum(c => c.Quantity)))
                .DefaultIfEmpty(0)
                .Min();
        }

        return profile.Skus.TryGetValue(mapKey, out var sku) ? Whole(levels.Available(sku.MaterialNumber)) : 0;
    }

    /// <summary>What the platform should show: <see cref="Available"/> less the SKU's buffer, never below zero.</summary>
    public static long ToPush(MappingProfile profile, string mapKey, StockLevels levels) =>
        Math.Max(0, Available(profile, mapKey, levels) - profile.StockPush.BufferFor(mapKey));

    private static long Whole(decimal units) => units <= 0 ? 0 : (long)Math.Min(Math.Floor(units), long.MaxValue);
}
