using System.Text.RegularExpressions;
using ServerlessSync.Domain.Shipments;

namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// Reading shipped deliveries from API_OUTBOUND_DELIVERY_SRV/A_OutbDeliveryHeader (loop.md §4.3): goods issue posted
/// (<c>OverallGoodsMovementStatus</c> 'C') on or after the watermark's China-time day (<c>ActualGoodsMovementDate</c> is a
/// date), with <c>$expand</c> of the items (<c>ReferenceSDDocument</c> is the sales order the ledger recorded,
/// <c>Material</c>, <c>ActualDeliveryQuantity</c>) and the partners. The waybill is the header's <c>BillOfLading</c>; the
/// carrier is the forwarding agent partner (<c>PartnerFunction</c> 'SP', its <c>Supplier</c>). The status value 'C', the
/// 'SP' function and BillOfLading as the waybill are SAP conventions the stored reference does not state (assumptions,
/// see docs/platform-writeback.md). Paged with <c>$top</c>/<c>$skip</c>.
/// </summary>
public static partial class SapOutboundDeliveryQuery
{
    public const string Service = "API_OUTBOUND_DELIVERY_SRV";
    public const string HeaderSet = "A_OutbDeliveryHeader";
    public const string GoodsIssuePosted = "C";
    public const string ForwardingAgent = "SP";
    public const string ItemsNavigation = "to_DeliveryDocumentItem";
    public const string PartnersNavigation = "to_DeliveryDocumentPartner";

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>One page of deliveries whose goods issue was posted on or after the China-time day of <paramref name="since"/>.</summary>
    public static SapODataQuery GoodsIssuedSince(DateTimeOffset since, int top, int skip)
    {
        var day = since.ToOffset(ChinaOffset).Date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return SapODataQuery.Empty
            .Filter(SapODataFilter.And(
                SapODataFilter.Equal("OverallGoodsMovementStatus", GoodsIssuePosted),
                $"ActualGoodsMovementDate ge datetime'{day}'"))
            .With("$expand", ItemsNavigation + "," + PartnersNavigation)
            .Top(top)
            .With("$skip", skip.ToString(CultureInfo.InvariantCulture))
            .JsonFormat();
    }

    /// <summary>One page → one shipment per delivery and referenced sales order, its items as lines; plus the page's row count and <c>__next</c>.</summary>
    /// <exception cref="ErpProtocolException">Not OData JSON, or a delivery without a readable goods-issue date, time or quantity.</exception>
    public static (IReadOnlyList<ErpShipment> Shipments, int Rows, bool More) Parse(string json)
    {
        using var document = ErpJson.ParseDocument(json, "SAP");
        var d = ErpJson.TryGetProperty(document.RootElement, "d", out var wrapper) ? wrapper : throw new ErpProtocolException("SAP answered JSON without the OData V2 'd' wrapper.");
        var results = d.ValueKind == JsonValueKind.Object && d.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array
            ? r
            : throw new ErpProtocolException("SAP answered a delivery collection without 'd.results'.");
        var shipments = new List<ErpShipment>();
        foreach (var header in results.EnumerateArray())
        {
            var number = Text(header, "DeliveryDocument");
            var shippedAt = ShippedAt(header, number);
            var carrier = Navigation(header, PartnersNavigation, number)
                .Where(p => Text(p, "PartnerFunction") == ForwardingAgent)
                .Select(p => Text(p, "Supplier"))
                .FirstOrDefault(s => s.Length > 0) ?? "";
            var waybill = Text(header, "BillOfLading");
            foreach (var order in Navigation(header, ItemsNavigation, number).GroupBy(i => Text(i, "ReferenceSDDocument"), StringComparer.Ordinal))
            {
                var lines = order.Select(i => new ShippedGoods(Text(i, "Material"), Quantity(i, number))).Where(l => l.Quantity != 0).ToList();
                shipments.Add(new ErpShipment(number, order.Key, carrier, waybill, shippedAt, lines));
            }
        }

        var more = d.TryGetProperty("__next", out var next) && next.ValueKind == JsonValueKind.String;
        return (shipments, results.GetArrayLength(), more);
    }

    /// <summary><c>ActualGoodsMovementDate</c> (midnight UTC of the day) + <c>ActualGoodsMovementTime</c> (PTxxHxxMxxS), read as China time.</summary>
    private static DateTimeOffset ShippedAt(JsonElement header, string number)
    {
        var date = SapODataValues.ParseDate(Text(header, "ActualGoodsMovementDate"))
            ?? throw new ErpProtocolException($"SAP delivery {number} has no readable ActualGoodsMovementDate.");
        var time = TimePattern().Match(Text(header, "ActualGoodsMovementTime"));
        var offset = time.Success
            ? new TimeSpan(int.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(time.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(time.Groups[3].Value, CultureInfo.InvariantCulture))
            : throw new ErpProtocolException($"SAP delivery {number} has an unreadable ActualGoodsMovementTime '{Text(header, "ActualGoodsMovementTime")}'.");
        return new DateTimeOffset(DateTime.SpecifyKind(date.UtcDateTime.Date + offset, DateTimeKind.Unspecified), ChinaOffset);
    }

    private static decimal Quantity(JsonElement item, string number) =>
        SapODataValues.ParseDecimal(Text(item, "ActualDeliveryQuantity"))
            ?? throw new ErpProtocolException($"SAP delivery {number} has an item with an unreadable ActualDeliveryQuantity '{Text(item, "ActualDeliveryQuantity")}'.");

    private static IEnumerable<JsonElement> Navigation(JsonElement header, string name, string number) =>
        header.TryGetProperty(name, out var nav) && nav.ValueKind == JsonValueKind.Object && nav.TryGetProperty("results", out var rows) && rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().ToList()
            : throw new ErpProtocolException($"SAP delivery {number} came without its expanded {name}.");

    private static string Text(JsonElement entity, string name) => ErpJson.ReadStringProperty(entity, name) ?? "";

    [GeneratedRegex(@"^PT(\d{1,2})H(\d{1,2})M(\d{1,2})S$")]
    private static partial Regex TimePattern();
}
