namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>The open-API methods the sync calls (both HTTP GET, version 1).</summary>
public static class KuaishouApiMethods
{
    public const string OrderDetail = "open.order.detail";
    public const string OrderCursorList = "open.order.cursor.list";
}
