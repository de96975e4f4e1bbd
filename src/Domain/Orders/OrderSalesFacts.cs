namespace ServerlessSync.Domain.Orders;

/// <summary>One sold product of an order as the dashboard counts it (no buyer data).</summary>
/// <param name="ProductKey">The merchant code when the platform gives one, else the platform SKU id.</param>
/// <param name="Sku">The platform's ids of the SKU, which the stock push needs; null in runs recorded before it was kept.</param>
public sealed record SalesLine(string ProductKey, string Title, int Quantity, long PaidFen, bool IsGift, SoldSku? Sku = null);

/// <summary>A sold platform SKU as the platform's stock API names it, with the merchant code its mapping may be keyed by.</summary>
public sealed record SoldSku(string ProductId, string SkuId, string? MerchantCode);

/// <summary>
/// What the stats need from the order beyond the ledger row: when it was created, where the sale came from
/// (anchor, live room, channel) and its products. SyncOrder passes it with each WriteBack it can.
/// </summary>
/// <param name="ErpWriteMs">How long the governed ERP write took, retries included; set on the WriteBack that records the ERP number.</param>
public sealed record OrderSalesFacts(
    DateTimeOffset CreatedAt,
    string? AnchorId,
    string? AnchorName,
    string? LiveRoomId,
    string? Channel,
    IReadOnlyList<SalesLine> Lines,
    long? ErpWriteMs = null)
{
    public OrderSalesFacts WithErpWrite(TimeSpan erpWrite) => this with { ErpWriteMs = (long)Math.Max(0, erpWrite.TotalMilliseconds) };

    public static OrderSalesFacts From(Order order)
    {
        var anchorLine = order.Lines.FirstOrDefault(l => l.AnchorId is not null);
        return new OrderSalesFacts(
            order.CreatedAt,
            order.Tags.AnchorId ?? anchorLine?.AnchorId,
            order.Tags.AnchorName ?? anchorLine?.AnchorName,
            order.Tags.LiveRoomId ?? order.Lines.FirstOrDefault(l => l.LiveRoomId is not null)?.LiveRoomId,
            order.Tags.Channel,
            order.Lines.Select(l => new SalesLine(l.MerchantCode ?? l.SkuId, l.Title, l.Quantity, l.PaidAmountFen, l.IsGift, new SoldSku(l.ProductId, l.SkuId, l.MerchantCode))).ToList());
    }
}
