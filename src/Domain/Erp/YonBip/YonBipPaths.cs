namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// Open-API paths. Business calls are <c>{gatewayUrl}/yonbip/...?access_token=</c>; the token comes from
/// <c>{tokenUrl}/open-auth/selfAppAuth/getAccessToken</c>. Gateway and token URL are the tenant's data centre
/// (see <see cref="GatewayAddress"/>).
/// </summary>
public static class YonBipPaths
{
    public const string GatewayAddress = "open-auth/dataCenter/getGatewayAddress";
    public const string AccessToken = "open-auth/selfAppAuth/getAccessToken";
    public const string SaleOrderSave = "yonbip/sd/voucherorder/singleSave";
    public const string SaleOrderSubmit = "yonbip/sd/voucherorder/batchsubmit";
    public const string SaleOrderAudit = "yonbip/sd/voucherorder/batchaudit";
    public const string SaleOrderUnaudit = "yonbip/sd/voucherorder/batchunaudit";
    public const string SaleOrderDelete = "yonbip/sd/voucherorder/delete";
    public const string SaleOrderList = "yonbip/sd/voucherorder/list";
    public const string SaleOrderDetail = "yonbip/sd/voucherorder/detail";
    public const string CurrentStock = "yonbip/scm/stock/QueryCurrentStocksByCondition";
    public const string ProductList = "yonbip/digitalModel/product/list";
    public const string SalesOutList = "yonbip/scm/salesout/list";

    /// <summary>The URL of <paramref name="path"/> under a gateway or token base URL (a missing trailing slash is added).</summary>
    public static Uri Url(Uri baseUrl, string path, string query = "")
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.AbsoluteUri;
        var normalized = text.EndsWith('/') ? baseUrl : new Uri(text + "/");
        var url = new Uri(normalized, path);
        return query.Length == 0 ? url : new Uri(url.AbsoluteUri + "?" + query);
    }

    /// <summary>The query string of a business call: <c>access_token=...</c>, plus further encoded pairs.</summary>
    public static string TokenQuery(string accessToken, params (string Name, string Value)[] more)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        var pairs = more.Prepend((Name: "access_token", Value: accessToken));
        return string.Join('&', pairs.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));
    }
}
