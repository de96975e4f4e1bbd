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
}
