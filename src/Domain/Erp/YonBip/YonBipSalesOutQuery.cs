using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>One page of 销售出库单列表查询: its shipments, the newest <c>pubts</c> among them and the page count.</summary>
public sealed record YonBipSalesOutPage(IReadOnlyList<ErpShipment> Shipments, DateTimeOffset? NewestChange, int PageCount);

/// <summary>
/// 销售出库单列表查询 <c>POST /yonbip/scm/salesout/list</c> (60 calls a minute): bills changed since the watermark through a
/// <c>simpleVOs</c> condition <c>pubts egt</c>, paged by <c>pageIndex</c>/<c>pageSize</c>, <c>isSum</c> false so
/// <c>data.recordList</c> has one row per bill line with the header fields repeated. A row's <c>code</c> is the shipment,
/// <c>firstupcode</c> the first source bill (the sales order code the ledger recorded, when the bill was pushed down from
/// it), <c>product_cCode</c>/<c>qty</c> the goods; the carrier is <c>iLogisticId</c> (物流公司 id or code) and the waybill
/// <c>cLogisticsBillNo</c> (物流单号). Request and list fields from a copy of the official API page (public GitHub file,
/// index id 52646759425); the logistics fields are documented on the bill (销售出库单个保存V2, index id 55555557973), not in
/// the list example: that the list rows carry them is our assumption, as is <c>firstupcode</c> as the link.
/// </summary>
public static class YonBipSalesOutQuery
{
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Body(DateTimeOffset since, int pageIndex, int pageSize) => new JsonObject
    {
        ["pageIndex"] = pageIndex,
        ["pageSize"] = pageSize,
        ["isSum"] = false,
        ["simpleVOs"] = new JsonArray(new JsonObject
        {
            ["field"] = "pubts",
            ["op"] = "egt",
            ["value1"] = since.ToOffset(ChinaOffset).ToString(TimeFormat, CultureInfo.InvariantCulture),
        }),
    }.ToJsonString();

    /// <exception cref="ErpProtocolException">No data object, a recordList that is not a list, or a row with an unreadable pubts or qty.</exception>
    public static YonBipSalesOutPage Parse(YonBipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Data.ValueKind != JsonValueKind.Object)
        {
            throw new ErpProtocolException("YonBIP salesout/list answered without a data object.");
        }

        var shipments = new List<ErpShipment>();
        var lines = new Dictionary<(string Bill, string Order), List<ShippedGoods>>();
        DateTimeOffset? newest = null;
        if (ErpJson.TryGetProperty(response.Data, "recordList", out var rows) && rows.ValueKind != JsonValueKind.Null)
        {
            if (rows.ValueKind != JsonValueKind.Array)
            {
                throw new ErpProtocolException("YonBIP salesout/list recordList is not an array.");
            }

            foreach (var row in rows.EnumerateArray())
            {
                var bill = Text(row, "code");
                var order = Text(row, "firstupcode");
                var changed = Time(row, bill);
                newest = newest is null || changed > newest ? changed : newest;
                if (!lines.TryGetValue((bill, order), out var goods))
                {
                    goods = [];
                    lines[(bill, order)] = goods;
                    shipments.Add(new ErpShipment(bill, order, Text(row, "iLogisticId"), Text(row, "cLogisticsBillNo"), changed, goods));
                }

                if (Text(row, "product_cCode") is { Length: > 0 } material)
                {
                    goods.Add(new ShippedGoods(material, ErpJson.ReadDecimalProperty(row, "qty")
                        ?? throw new ErpProtocolException($"YonBIP salesout {bill} has a line with an unreadable qty.")));
                }
            }
        }

        return new YonBipSalesOutPage(shipments, newest, ErpJson.ReadIntProperty(response.Data, "pageCount") ?? 0);
    }

    private static string Text(JsonElement row, string name) => ErpJson.ReadStringProperty(row, name) ?? "";

    private static DateTimeOffset Time(JsonElement row, string bill) =>
        DateTime.TryParseExact(Text(row, "pubts"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaOffset)
            : throw new ErpProtocolException($"YonBIP salesout {bill} has an unreadable pubts '{Text(row, "pubts")}'.");
}
