using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static ServerlessSync.Simulators.Sap.SapSimAnswers;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// Collection reads with the OData V2 query options the connector and integrators use: <c>$filter</c>, <c>$select</c>,
/// <c>$top</c>, <c>$skip</c>, <c>$inlinecount=allpages</c>, <c>$expand=to_Item</c> on orders, and server-side paging through
/// <c>__next</c> links carrying <c>$skiptoken</c>.
/// </summary>
public static class SapSimReads
{
    private static readonly HashSet<string> OrderProperties = new(
        ["SalesOrder", "SalesOrderType", "SalesOrganization", "DistributionChannel", "OrganizationDivision", "SoldToParty",
         "PurchaseOrderByCustomer", "SalesOrderDate", "TotalNetAmount", "TransactionCurrency", "OverallSDProcessStatus",
         "OverallSDDocumentRejectionSts"],
        StringComparer.Ordinal);

    private static readonly HashSet<string> StockProperties = new(
        ["Material", "Plant", "StorageLocation", "Batch", "Supplier", "Customer", "WBSElementInternalID", "SDDocument", "SDDocumentItem",
         "InventorySpecialStockType", "InventoryStockType", "MaterialBaseUnit", "MatlWrhsStkQtyInMatlBaseUnit"],
        StringComparer.Ordinal);

    public static (JsonObject? Answer, Failure? Failure) SalesOrders(HttpRequest request, SapSimulatorState state, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        var expandItems = request.Query["$expand"].ToString().Split(',', StringSplitOptions.TrimEntries).Contains("to_Item");
        return Query(request, state, serviceRoot + "A_SalesOrder", OrderProperties, "A_SalesOrderType", state.Options.OrderLookupIgnoresFilter,
            state.Orders.Select(o => (o.Properties(), (Func<JsonObject, JsonObject>)(json =>
            {
                json["__metadata"] = Metadata($"{serviceRoot}A_SalesOrder('{o.SalesOrder}')", "API_SALES_ORDER_SRV.A_SalesOrderType");
                if (expandItems)
                {
                    json["to_Item"] = SapSimCreate.ItemsJson(o, serviceRoot);
                }

                return json;
            }))).ToList());
    }

    public static (JsonObject? Answer, Failure? Failure) Stock(HttpRequest request, SapSimulatorState state, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(state);
        return Query(request, state, serviceRoot + "A_MatlStkInAcctMod", StockProperties, "A_MatlStkInAcctModType", ignoreFilter: false,
            state.Store.StockRows().Select(r => (r.Properties(), (Func<JsonObject, JsonObject>)(json =>
            {
                json["__metadata"] = Metadata($"{serviceRoot}A_MatlStkInAcctMod({r.Key()})", "API_MATERIAL_STOCK_SRV.A_MatlStkInAcctModType");
                return json;
            }))).ToList());
    }

    private static readonly HashSet<string> ProductProperties = new(["Product", "ProductType", "BaseUnit", "ProductGroup"], StringComparer.Ordinal);

    private static readonly HashSet<string> DescriptionProperties = new(["Product", "Language", "ProductDescription"], StringComparer.Ordinal);

    /// <summary>API_PRODUCT_SRV/A_Product over the demo material master.</summary>
    public static (JsonObject? Answer, Failure? Failure) Products(HttpRequest request, SapSimulatorState state, string serviceRoot) =>
        Query(request, state, serviceRoot + "A_Product", ProductProperties, "A_ProductType", ignoreFilter: false,
            DemoCatalog.MaterialMaster.Select(m => ((IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["Product"] = m.Number, ["ProductType"] = m.Specification == "service" ? "SERV" : "FERT", ["BaseUnit"] = "PC", ["ProductGroup"] = "L001",
            }, (Func<JsonObject, JsonObject>)(json =>
            {
                json["__metadata"] = Metadata($"{serviceRoot}A_Product('{m.Number}')", "API_PRODUCT_SRV.A_ProductType");
                return json;
            }))).ToList());

    /// <summary>API_PRODUCT_SRV/A_ProductDescription: a Chinese and an English description per material.</summary>
    public static (JsonObject? Answer, Failure? Failure) ProductDescriptions(HttpRequest request, SapSimulatorState state, string serviceRoot) =>
        Query(request, state, serviceRoot + "A_ProductDescription", DescriptionProperties, "A_ProductDescriptionType", ignoreFilter: false,
            DemoCatalog.MaterialMaster.SelectMany(m => new[] { ("EN", m.Number), ("ZH", m.Name) }.Select(d => ((IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["Product"] = m.Number, ["Language"] = d.Item1, ["ProductDescription"] = d.Item2,
            }, (Func<JsonObject, JsonObject>)(json =>
            {
                json["__metadata"] = Metadata($"{serviceRoot}A_ProductDescription(Product='{m.Number}',Language='{d.Item1}')", "API_PRODUCT_SRV.A_ProductDescriptionType");
                return json;
            })))).ToList());

    public static string MetadataXml(string service) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><edmx:Edmx Version=\"1.0\" xmlns:edmx=\"http://schemas.microsoft.com/ado/2007/06/edmx\">" +
        $"<edmx:DataServices m:DataServiceVersion=\"2.0\" xmlns:m=\"http://schemas.microsoft.com/ado/2007/08/dataservices/metadata\"><Schema Namespace=\"{service}\" xmlns=\"http://schemas.microsoft.com/ado/2008/09/edm\"/>" +
        "</edmx:DataServices></edmx:Edmx>";

    internal static (JsonObject? Answer, Failure? Failure) Query(
        HttpRequest request,
        SapSimulatorState state,
        string entitySetUrl,
        HashSet<string> properties,
        string entityType,
        bool ignoreFilter,
        List<(IReadOnlyDictionary<string, string> Row, Func<JsonObject, JsonObject> Decorate)> rows)
    {
        Func<IReadOnlyDictionary<string, string>, bool> filter;
        try
        {
            filter = SapSimFilter.Parse(request.Query["$filter"].ToString(), properties, entityType);
        }
        catch (FormatException ex)
        {
            return (null, new Failure(400, BadQuery, "Invalid filter expression: " + ex.Message));
        }

        var select = request.Query["$select"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s != "*").ToList();
        var unknown = select.FirstOrDefault(s => !properties.Contains(s) && s != "to_Item");
        if (unknown is not null)
        {
            return (null, new Failure(400, BadQuery, $"Property '{unknown}' not found in type '{entityType}'"));
        }

        if (!TryInt(request, "$top", out var top) || !TryInt(request, "$skip", out var skip) || !TryInt(request, "$skiptoken", out var skipToken))
        {
            return (null, new Failure(400, BadQuery, "$top, $skip and $skiptoken must be non-negative integers"));
        }

        var matching = rows.Where(r => ignoreFilter || filter(r.Row)).ToList();
        var offset = (skip ?? 0) + (skipToken ?? 0);
        var limit = top is { } t ? Math.Max(0, t - (skipToken ?? 0)) : int.MaxValue;
        var pageSize = Math.Min(Math.Max(1, state.Options.ServerPageSize), limit);
        var page = matching.Skip(offset).Take(pageSize).ToList();
        var more = offset + page.Count < matching.Count && page.Count < limit;
        var next = more ? NextLink(request, entitySetUrl, (skipToken ?? 0) + page.Count) : null;
        var count = request.Query["$inlinecount"].ToString() == "allpages" ? matching.Count : (int?)null;
        return (Collection(page.Select(r => r.Decorate(Render(r.Row, select))), next, count), null);
    }

    private static JsonObject Render(IReadOnlyDictionary<string, string> row, List<string> select)
    {
        // A placeholder keeps __metadata first, where SAP writes it; the entity's decorator fills it in.
        var json = new JsonObject { ["__metadata"] = null };
        foreach (var (name, value) in row)
        {
            if (select.Count == 0 || select.Contains(name))
            {
                json[name] = value;
            }
        }

        return json;
    }

    private static string NextLink(HttpRequest request, string entitySetUrl, int skipToken)
    {
        var parts = request.Query
            .Where(q => q.Key != "$skiptoken")
            .SelectMany(q => q.Value.Select(v => q.Key + "=" + Uri.EscapeDataString(v ?? "")))
            .Append("$skiptoken=" + skipToken.ToString(CultureInfo.InvariantCulture));
        return entitySetUrl + "?" + string.Join('&', parts);
    }

    private static bool TryInt(HttpRequest request, string name, out int? value)
    {
        value = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
