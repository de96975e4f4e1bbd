namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>The open-API methods the sync calls (HTTP GET, version 1).</summary>
public static class KuaishouApiMethods
{
    public const string OrderDetail = "open.order.detail";
    public const string OrderCursorList = "open.order.cursor.list";

    /// <summary>添加订单插旗备注 (loop.md §1): <c>orderId</c> (number), <c>note</c> (at most 200 characters).</summary>
    public const string SellerNoteAdd = "open.seller.order.note.add";

    /// <summary>订单发货 (loop.md §2.2): <c>orderId</c> (number), <c>expressNo</c>, <c>expressCode</c> (number).</summary>
    public const string GoodsDeliver = "open.seller.order.goods.deliver";

    /// <summary>订单拆单发货 (loop.md §2.2): <c>mainOrderId</c>, <c>deliveryItemInfoList[]</c> {<c>deliveryGoodsInfoList[]</c> {<c>oid</c>, <c>deliveryNum</c>}, <c>expressCode</c>, <c>expressNo</c>}.</summary>
    public const string SplitDeliver = "open.order.goods.split.deliver";

    /// <summary>查询商品sku列表 (KS-DECL <c>open.item.sku.list.get</c>): <c>kwaiItemId</c> (number) → <c>data.skuList[]</c> {<c>kwaiSkuId</c>, <c>skuStock</c>}.</summary>
    public const string SkuListGet = "open.item.sku.list.get";

    /// <summary>
    /// 更新在线商品库存 (loop.md §3, KS l.15711): <c>kwaiItemId</c>, <c>skuId</c>, <c>skuChangeStock</c>, <c>changeType</c> (1 增加,
    /// 2 减少), all numbers and required; an increment only, 0 &lt; skuChangeStock &lt; 9,999,999 and the stock after at most 9,999,999.
    /// </summary>
    public const string SkuStockUpdate = "open.item.sku.stock.update";
}
