namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// The OData V2 services the connector uses. Every URL is <c>{BaseUrl}/sap/opu/odata/sap/{Service}/{EntitySet}</c>, where
/// BaseUrl is the system's own host, e.g. <c>https://my-s4.example.com</c> (S/4HANA Cloud: the API host of the tenant).
/// </summary>
public static class SapServices
{
    public const string SalesOrder = "API_SALES_ORDER_SRV";
    public const string MaterialStock = "API_MATERIAL_STOCK_SRV";

    public const string SalesOrderSet = "A_SalesOrder";
    public const string MaterialStockSet = "A_MatlStkInAcctMod";

    public const string ODataPath = "sap/opu/odata/sap/";

    /// <summary>The service root with its trailing slash, e.g. <c>{base}/sap/opu/odata/sap/API_SALES_ORDER_SRV/</c>.</summary>
    public static Uri ServiceRoot(Uri baseUrl, string service, string sapClient = "") =>
        Build(baseUrl, service + "/", SapODataQuery.Empty, sapClient);

    /// <summary>An entity set of a service with an optional query, e.g. <c>.../A_SalesOrder?$filter=...</c>.</summary>
    public static Uri EntitySet(Uri baseUrl, string service, string entitySet, SapODataQuery query, string sapClient = "") =>
        Build(baseUrl, service + "/" + entitySet, query, sapClient);

    private static Uri Build(Uri baseUrl, string relative, SapODataQuery query, string sapClient)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(query);
        var text = baseUrl.AbsoluteUri;
        var root = text.EndsWith('/') ? text : text + "/";
        // sap-client picks the client (Mandant) on systems with several; S/4HANA Cloud has one and leaves it out.
        var withClient = string.IsNullOrEmpty(sapClient) ? query : query.With("sap-client", sapClient);
        return new Uri(root + ODataPath + relative + withClient.ToQueryString(), UriKind.Absolute);
    }
}
