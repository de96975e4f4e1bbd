namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>The open-API methods the sync calls (HTTP GET, version 1).</summary>
public static class KuaishouApiMethods
{
    public const string OrderDetail = "open.order.detail";
    public const string OrderCursorList = "open.order.cursor.list";

    /// <summary>添加订单插旗备注 (loop.md §1): <c>orderId</c> (number), <c>note</c> (at most 200 characters).</summary>
    public const string SellerNoteAdd = "open.seller.order.note.add";
}
