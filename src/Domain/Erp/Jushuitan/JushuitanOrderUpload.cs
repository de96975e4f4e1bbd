namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// orders/upload: <c>biz</c> is a JSON array of orders keyed by (<c>shop_id</c>, <c>so_id</c> = the platform order
/// number). Where the reference leaves names open we chose: gifts carry <c>is_gift</c> (the name Jushuitan's order
/// queries use) with zero prices; the <c>pay</c> node uses <c>outer_pay_id, pay_date, payment, seller_account,
/// buyer_account, amount</c> and pays exactly <c>pay_amount</c> so the order lands as paid, waiting for review;
/// <c>remark</c> carries the document's note (with the freight and the discounts by who bears them). A freight charge
/// line goes to the order's <c>freight</c> field, not to <c>items</c>. No buyer data is sent: <c>shop_buyer_id</c> is the ERP customer the
/// shop sells as, and receiver fields are left out (the ERP-neutral document has none).
/// </summary>
public static class JushuitanOrderUpload
{
    /// <summary>Paid, waiting for the seller to ship: the state a synced live order is in.</summary>
    public const string PaidStatus = "WAIT_SELLER_SEND_GOODS";

    private const int MaxOuterOiIdLength = 50;
    private const int MaxNameLength = 100;
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The <c>biz</c> array for several orders (validated by <see cref="JushuitanOrderValidator"/> first).</summary>
    public static string BuildBiz(IEnumerable<ErpSalesOrder> orders, string shopId) =>
        new JsonArray(orders.Select(o => (JsonNode?)BuildOrder(o, shopId)).ToArray()).ToJsonString();

    public static JsonObject BuildOrder(ErpSalesOrder order, string shopId)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrEmpty(shopId);
        var problems = JushuitanOrderValidator.Validate(order);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(order));
        }

        var date = FormatDate(order.OrderDate);
        var payAmount = JushuitanMoney.Amount(order.TotalAmountFen);
        // The freight charge line is the order's own freight field here; pay_amount = items + freight.
        var goods = order.Lines.Where(l => !l.IsFreight).ToList();
        var freightFen = order.Lines.Where(l => l.IsFreight).Sum(l => l.AmountFen);
        var outerIds = OuterLineIds(goods);
        return new JsonObject
        {
            ["shop_id"] = ShopIdNode(shopId),
            ["so_id"] = order.ExternalOrderNo,
            ["order_date"] = date,
            ["shop_status"] = PaidStatus,
            ["shop_buyer_id"] = Truncate(order.CustomerNumber, 50),
            ["pay_amount"] = payAmount,
            ["freight"] = JushuitanMoney.Amount(freightFen),
            ["remark"] = string.IsNullOrWhiteSpace(order.Note) ? $"{order.Platform} {order.ExternalOrderNo}" : order.Note,
            ["items"] = new JsonArray(goods.Select((l, i) => (JsonNode?)Item(l, outerIds[i])).ToArray()),
            ["pay"] = new JsonObject
            {
                ["outer_pay_id"] = order.ExternalOrderNo,
                ["pay_date"] = date,
                ["payment"] = order.Platform,
                ["seller_account"] = order.ShopId,
                ["buyer_account"] = order.CustomerNumber,
                ["amount"] = payAmount,
            },
        };
    }

    public static string FormatDate(DateTimeOffset time) =>
        time.ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>shop_id is the ERP's numeric shop number; sent as a JSON number when it is one.</summary>
    public static JsonNode ShopIdNode(string shopId) =>
        long.TryParse(shopId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(shopId);

    private static JsonObject Item(ErpSalesOrderLine line, string outerOiId)
    {
        var price = JushuitanMoney.UnitPrice(line.AmountFen, line.Quantity);
        return new JsonObject
        {
            ["sku_id"] = line.MaterialNumber,
            ["shop_sku_id"] = line.MaterialNumber,
            ["amount"] = JushuitanMoney.Amount(line.AmountFen),
            ["base_price"] = price,
            ["price"] = price,
            ["qty"] = line.Quantity,
            ["name"] = Truncate(line.MaterialNumber, MaxNameLength),
            ["outer_oi_id"] = outerOiId,
            ["is_gift"] = line.IsGift,
        };
    }

    /// <summary>
    /// <c>outer_oi_id</c> must be unique within the order: the platform line id, suffixed with the position when one
    /// platform line became several ERP lines (combos), or the position alone when there is no usable id.
    /// </summary>
    private static string[] OuterLineIds(IReadOnlyList<ErpSalesOrderLine> lines)
    {
        var counts = lines.GroupBy(l => l.PlatformLineId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return lines.Select((l, i) =>
        {
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrEmpty(l.PlatformLineId))
            {
                return position;
            }

            var id = counts[l.PlatformLineId] > 1 ? l.PlatformLineId + "-" + position : l.PlatformLineId;
            return id.Length <= MaxOuterOiIdLength ? id : position;
        }).ToArray();
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
