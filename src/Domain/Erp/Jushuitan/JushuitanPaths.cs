namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>Open-API paths under the base URL (<c>https://openapi.jushuitan.com</c>); every call is a form POST.</summary>
public static class JushuitanPaths
{
    public const string InitToken = "openWeb/auth/getInitToken";
    public const string RefreshToken = "openWeb/auth/refreshToken";
    public const string OrdersUpload = "open/jushuitan/orders/upload";
    public const string OrdersQuery = "open/orders/single/query";
    public const string InventoryQuery = "open/inventory/query";
    public const string OutboundQuery = "open/orders/out/simple/query";
    public const string SkuQuery = "open/sku/query";

    public static Uri Url(Uri baseUrl, string path)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.AbsoluteUri;
        return new Uri(text.EndsWith('/') ? baseUrl : new Uri(text + "/"), path);
    }
}
