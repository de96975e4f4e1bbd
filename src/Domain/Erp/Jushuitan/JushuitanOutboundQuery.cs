using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>One page of 销售出库查询: its shipments, the newest <c>modified</c> among them and whether another page follows.</summary>
public sealed record JushuitanOutboundPage(IReadOnlyList<ErpShipment> Shipments, DateTimeOffset? NewestModified, bool HasNext);

/// <summary>
/// 销售出库查询 orders.out.simple.query, path <c>/open/orders/out/simple/query</c> (loop.md §4.4, G): outbound documents
/// (<c>status</c> Confirmed, 已出库) modified in <c>modified_begin</c>..<c>modified_end</c> (China time, at most
/// <see cref="MaxWindow"/> apart), <c>page_size</c> at most <see cref="MaxPageSize"/>, paged by <c>page_index</c> and
/// <c>has_next</c>. A row's <c>io_id</c> is the shipment, <c>o_id</c> the ERP order the ledger recorded, <c>lc_id</c>
/// the carrier code, <c>l_id</c> the waybill, <c>io_date</c> the shipping time, <c>items[]</c> <c>sku_id</c>/<c>qty</c>
/// the goods. Field names from third-party client code (index id 14850116293); the answer is read under <c>data</c>, as
/// the other open-API answers are.
/// </summary>
public static class JushuitanOutboundQuery
{
    public const int MaxPageSize = 100;
    public const string ShippedStatus = "Confirmed";
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>From <paramref name="since"/> to <paramref name="now"/> in windows no longer than <see cref="MaxWindow"/>.</summary>
    public static IEnumerable<(DateTimeOffset Begin, DateTimeOffset End)> Windows(DateTimeOffset since, DateTimeOffset now)
    {
        var begin = since;
        do
        {
            var end = begin + MaxWindow < now ? begin + MaxWindow : now;
            yield return (begin, end);
            begin = end;
        }
        while (begin < now);
    }

    public static string Biz(DateTimeOffset begin, DateTimeOffset end, int pageIndex, int pageSize) => new JsonObject
    {
        ["modified_begin"] = China(begin),
        ["modified_end"] = China(end),
        ["status"] = ShippedStatus,
        ["page_index"] = pageIndex,
        ["page_size"] = Math.Clamp(pageSize, 1, MaxPageSize),
    }.ToJsonString();

    /// <exception cref="ErpProtocolException">No data object, or a row with an unreadable time or quantity.</exception>
    public static JushuitanOutboundPage Parse(JushuitanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.RequireData("orders/out/simple/query");
        var shipments = new List<ErpShipment>();
        DateTimeOffset? newest = null;
        if (ErpJson.TryGetArray(data, "datas", out var rows))
        {
            foreach (var row in rows.EnumerateArray())
            {
                var ioId = ErpJson.ReadStringProperty(row, "io_id") ?? "";
                var modified = Time(row, "modified", ioId);
                newest = newest is null || modified > newest ? modified : newest;
                var lines = ErpJson.TryGetArray(row, "items", out var items)
                    ? items.EnumerateArray().Select(i => new ShippedGoods(ErpJson.ReadStringProperty(i, "sku_id") ?? "", Quantity(i, ioId))).ToList()
                    : [];
                shipments.Add(new ErpShipment(
                    ioId,
                    ErpJson.ReadStringProperty(row, "o_id") ?? "",
                    ErpJson.ReadStringProperty(row, "lc_id") ?? "",
                    ErpJson.ReadStringProperty(row, "l_id") ?? "",
                    Time(row, "io_date", ioId),
                    lines));
            }
        }

        return new JushuitanOutboundPage(shipments, newest, ErpJson.ReadBoolProperty(data, "has_next") ?? false);
    }

    private static string China(DateTimeOffset at) => at.ToOffset(ChinaOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(JsonElement row, string field, string ioId) =>
        DateTime.TryParseExact(ErpJson.ReadStringProperty(row, field), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, ChinaOffset)
            : throw new ErpProtocolException($"Jushuitan outbound {ioId} has an unreadable {field} '{ErpJson.ReadStringProperty(row, field)}'.");

    private static decimal Quantity(JsonElement item, string ioId) =>
        decimal.TryParse(ErpJson.ReadStringProperty(item, "qty"), NumberStyles.Number, CultureInfo.InvariantCulture, out var qty)
            ? qty
            : throw new ErpProtocolException($"Jushuitan outbound {ioId} has an item with an unreadable qty.");
}
