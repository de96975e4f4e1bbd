namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// The demo products as Taobao items: Taobao-shaped item (<c>num_iid</c>) and SKU ids, with the catalog's merchant code as
/// <c>outer_sku_id</c> so the same mapping profile entries apply.
/// </summary>
public static class TaobaoSimCatalog
{
    public sealed record Item(DemoCatalog.Product Product, string NumIid, string SkuId, string OuterIid);

    public static readonly IReadOnlyList<Item> Items = DemoCatalog.Products
        .Select((p, i) => new Item(p, $"61000000000{i + 1}", $"450000000000{i + 1}", "ITEM-" + p.MerchantCode))
        .ToList();
}
