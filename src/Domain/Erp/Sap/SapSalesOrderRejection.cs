namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>One A_SalesOrderItem as the reversal reads it: its key, current rejection reason and ETag (null when none).</summary>
public sealed record SapSalesOrderItemState(string SalesOrder, string SalesOrderItem, string RejectionReason, string? ETag)
{
    public bool IsRejected => RejectionReason.Length > 0;
}

/// <summary>
/// Reversing a sales order in SAP: every item gets a reason for rejection (<c>SalesDocumentRjcnReason</c>), which closes
/// the order for delivery and billing while keeping it on record. Items are read through <c>A_SalesOrder('…')/to_Item</c>
/// and updated one by one with PATCH on <c>A_SalesOrderItem(SalesOrder='…',SalesOrderItem='…')</c>, sending the item's
/// ETag as If-Match when it has one. Items that already carry a reason are left alone.
/// </summary>
public static class SapSalesOrderRejection
{
    public const string ItemSet = "A_SalesOrderItem";
    public const string ItemNavigation = "to_Item";
    public const string RejectionReasonField = "SalesDocumentRjcnReason";

    /// <summary>Reason "61" is our default; reasons are customizing (table TVAG), so it is configurable.</summary>
    public const string DefaultRejectionReason = "61";

    public static readonly IReadOnlyList<string> ItemFields = ["SalesOrder", "SalesOrderItem", RejectionReasonField];

    /// <summary>The relative resource of an order's items, e.g. <c>A_SalesOrder('5000123')/to_Item</c>.</summary>
    public static string ItemsResource(string salesOrder) =>
        $"{SapServices.SalesOrderSet}({SapODataFilter.Quote(salesOrder)})/{ItemNavigation}";

    public static SapODataQuery ItemsQuery() => SapODataQuery.Empty.Select(ItemFields).JsonFormat();

    /// <summary>The relative resource of one item, e.g. <c>A_SalesOrderItem(SalesOrder='5000123',SalesOrderItem='10')</c>.</summary>
    public static string ItemResource(string salesOrder, string salesOrderItem) =>
        $"{ItemSet}(SalesOrder={SapODataFilter.Quote(salesOrder)},SalesOrderItem={SapODataFilter.Quote(salesOrderItem)})";

    public static string BuildBody(string rejectionReason)
    {
        ArgumentException.ThrowIfNullOrEmpty(rejectionReason);
        return new JsonObject { [RejectionReasonField] = rejectionReason }.ToJsonString();
    }

    /// <summary>Reads <c>{"d":{"results":[...]}}</c> (or <c>{"d":[...]}</c>) of A_SalesOrderItem.</summary>
    public static IReadOnlyList<SapSalesOrderItemState> ParseItems(string json, string salesOrder)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = ErpJson.ParseDocument(json, "SAP");
        using (document)
        {
            var d = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("d", out var dd) ? dd : default;
            var results = d.ValueKind == JsonValueKind.Array ? d
                : d.ValueKind == JsonValueKind.Object && d.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array ? r
                : throw new ErpProtocolException("SAP answered sales order items without 'd.results'.");
            var items = new List<SapSalesOrderItemState>();
            foreach (var row in results.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
            {
                var item = Text(row, "SalesOrderItem");
                if (string.IsNullOrEmpty(item))
                {
                    throw new ErpProtocolException($"SAP sales order {salesOrder} has an item without SalesOrderItem.");
                }

                var etag = row.TryGetProperty("__metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "etag") : null;
                items.Add(new SapSalesOrderItemState(Text(row, "SalesOrder") ?? salesOrder, item, Text(row, RejectionReasonField) ?? "", etag));
            }

            return items;
        }
    }

    private static string? Text(JsonElement obj, string name) => ErpJson.ReadStringProperty(obj, name);
}
