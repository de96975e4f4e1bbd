using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// Reading shipped orders from 销售出库单 <c>SAL_OUTSTOCK</c> (loop.md §4.1, G): audited bills (<c>FDocumentStatus='C'</c>)
/// approved since a watermark, one row per entry, with the header's carrier <c>FCarrierID</c> and waybill <c>FCarriageNO</c>
/// and the entry's sales order number <c>FSoorDerno</c> (the SAL_SaleOrder FBillNo the ledger recorded) and quantity
/// <c>FRealQty</c>. The approval date <c>FApproveDate</c> is the watermark: an outbound bill ships when it is audited.
/// </summary>
public static class KingdeeOutStockQueries
{
    public const string ApproveDateField = "FApproveDate";
    public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>K/3 Cloud dates are the site's local time, China time, as the sales orders' FDate is written.</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static readonly IReadOnlyList<string> FieldKeys =
        ["FBillNo", "FDocumentStatus", "FCarrierID.FNumber", "FCarriageNO", ApproveDateField, "FSoorDerno", "FMaterialId.FNumber", "FRealQty"];

    /// <summary>Audited outbound bills approved at or after <paramref name="since"/> (compared in China time), oldest first.</summary>
    public static KingdeeBillQuery ApprovedSince(DateTimeOffset since) => new(
        KingdeeFormIds.OutStock,
        FieldKeys,
        $"{KingdeeFilter.Equal("FDocumentStatus", KingdeeDocumentStatus.Audited)} and {KingdeeFilter.AtLeast(ApproveDateField, since.ToOffset(ChinaOffset).ToString(DateFormat, CultureInfo.InvariantCulture))}")
    {
        OrderString = ApproveDateField + " ASC",
    };

    /// <summary>Rows in <see cref="FieldKeys"/> order → one shipment per bill and sales order, its entries as lines.</summary>
    /// <exception cref="ErpProtocolException">A row that is too short or has an unreadable date or quantity.</exception>
    public static IReadOnlyList<ErpShipment> Parse(IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shipments = new List<ErpShipment>();
        var lines = new Dictionary<(string Bill, string Order), List<ShippedGoods>>();
        foreach (var row in rows)
        {
            if (row.Count < FieldKeys.Count)
            {
                throw new ErpProtocolException($"Kingdee SAL_OUTSTOCK row has {row.Count} cells, expected {FieldKeys.Count}.");
            }

            var bill = row[0] ?? "";
            var order = row[5] ?? "";
            if (!lines.TryGetValue((bill, order), out var goods))
            {
                goods = [];
                lines[(bill, order)] = goods;
                shipments.Add(new ErpShipment(bill, order, row[2] ?? "", row[3] ?? "", ParseDate(row[4], bill), goods));
            }

            if (row[6] is { Length: > 0 } material)
            {
                goods.Add(new ShippedGoods(material, ParseQuantity(row[7], bill)));
            }
        }

        return shipments;
    }

    private static DateTimeOffset ParseDate(string? text, string bill) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaOffset)
            : throw new ErpProtocolException($"Kingdee SAL_OUTSTOCK {bill} has an unreadable {ApproveDateField} '{text}'.");

    private static decimal ParseQuantity(string? text, string bill) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity)
            ? quantity
            : throw new ErpProtocolException($"Kingdee SAL_OUTSTOCK {bill} has an unreadable FRealQty '{text}'.");
}
