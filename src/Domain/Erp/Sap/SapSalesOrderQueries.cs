namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// Looking sales orders up by the platform order number stored in <c>PurchaseOrderByCustomer</c>, within the sales
/// organisation the connector writes to. API_SALES_ORDER_SRV has no idempotency key, so this is what keeps a retry from
/// creating a second order.
/// </summary>
public static class SapSalesOrderQueries
{
    public const string SalesOrderField = "SalesOrder";
    public const string PurchaseOrderField = "PurchaseOrderByCustomer";
    public const string SalesOrganizationField = "SalesOrganization";

    /// <summary>Overall processing status: A not yet processed, B partially processed, C completely processed.</summary>
    public const string StatusField = "OverallSDProcessStatus";

    /// <summary>The order's value as SAP priced it from the item conditions the connector sent (what the buyer paid).</summary>
    public const string TotalField = "TotalNetAmount";

    public static readonly IReadOnlyList<string> RefFields = [SalesOrderField, PurchaseOrderField, SalesOrganizationField, StatusField, TotalField];

    public static SapODataQuery ByPurchaseOrder(string purchaseOrderByCustomer, string salesOrganization) =>
        SapODataQuery.Empty
            .Filter(SapODataFilter.And(
                SapODataFilter.Equal(PurchaseOrderField, purchaseOrderByCustomer),
                SapODataFilter.Equal(SalesOrganizationField, salesOrganization)))
            .Select(RefFields)
            .JsonFormat();

    /// <summary>
    /// The orders of a collection answer, in the order SAP listed them, each number once, with the
    /// PurchaseOrderByCustomer each carries (the connector keeps only those carrying the number it asked for).
    /// </summary>
    public static IReadOnlyList<ErpOrderRef> ParseRefs(string json)
    {
        var refs = new List<ErpOrderRef>();
        foreach (var row in SapODataJson.ReadCollection(json).Rows)
        {
            var number = row.GetValueOrDefault(SalesOrderField);
            if (string.IsNullOrEmpty(number))
            {
                throw new ErpProtocolException("SAP sales order lookup returned a row without SalesOrder.");
            }

            if (refs.All(r => r.Number != number))
            {
                refs.Add(new ErpOrderRef(
                    number, number, row.GetValueOrDefault(StatusField) ?? "", row.GetValueOrDefault(PurchaseOrderField),
                    ErpAmount.FenFromYuan(row.GetValueOrDefault(TotalField), $"SAP {TotalField} of {number}")));
            }
        }

        return refs;
    }

    /// <summary>The order to treat as "the" one when several carry the same number: the first created (lowest number).</summary>
    public static ErpOrderRef? PickExisting(IReadOnlyList<ErpOrderRef> refs) =>
        refs.OrderBy(r => r.Number.TrimStart('0').Length).ThenBy(r => r.Number.TrimStart('0'), StringComparer.Ordinal).FirstOrDefault();
}
