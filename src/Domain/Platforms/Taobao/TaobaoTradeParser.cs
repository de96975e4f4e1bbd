namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// Parses a <c>taobao.trade.fullinfo.get</c> answer (<c>trade_fullinfo_get_response.trade</c>, lines in
/// <c>orders.order[]</c>) into the canonical <see cref="Order"/>. Receiver fields are kept exactly as the API gives them
/// (masked or encrypted) and never decrypted. TOP trades carry no anchor or live-room attribution.
/// </summary>
public static class TaobaoTradeParser
{
    public static readonly string ResponseName = TaobaoEnvelope.ResponseName(TaobaoMethods.TradeFullInfoGet);

    /// <exception cref="TaobaoResponseFormatException">Not the documented envelope, or a required field is missing.</exception>
    public static TaobaoTradeResult ParseFullInfoResponse(string json, string shopId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var body = TaobaoEnvelope.Open(document.RootElement, ResponseName, out var error);
            if (error is not null)
            {
                return TaobaoTradeResult.Failure(error);
            }

            if (PlatformJson.Property(body!.Value, "trade") is not { ValueKind: JsonValueKind.Object } trade)
            {
                throw new TaobaoResponseFormatException($"{ResponseName} without trade");
            }

            return TaobaoTradeResult.Success(ParseTrade(trade, shopId));
        }
        catch (JsonException ex)
        {
            throw new TaobaoResponseFormatException("response is not valid JSON", ex);
        }
    }

    public static Order ParseTrade(JsonElement trade, string shopId)
    {
        var tid = TaobaoJson.Id(trade, "tid_str") ?? TaobaoJson.Id(trade, "tid") ?? throw Missing("tid");
        var statusCode = TaobaoJson.String(trade, "status") ?? throw Missing("status");
        var status = TaobaoStatusMap.Map(statusCode)
            ?? throw new TaobaoResponseFormatException($"unknown status {statusCode} on trade {tid}");
        var created = TaobaoJson.Time(trade, "created") ?? throw Missing("created");
        var payment = TaobaoJson.Money(trade, "payment") ?? throw Missing("payment");
        var postFee = TaobaoJson.Money(trade, "post_fee") ?? 0;
        var lineElements = TaobaoJson.List(trade, "orders", "order").ToList();
        if (lineElements.Count == 0)
        {
            throw Missing("orders.order");
        }

        var lines = lineElements.Select(o => ParseLine(o, lineElements.Count == 1, postFee)).ToList();
        var goodsAmount = TaobaoJson.Money(trade, "total_fee") ?? lines.Sum(l => l.UnitPriceFen * l.Quantity);
        var discount = Math.Max(0, goodsAmount + postFee - payment);
        var split = DiscountSplit.Of(discount, TaobaoJson.Money(trade, "platform_subsidy_fee") ?? lineElements.Sum(o => TaobaoJson.Money(o, "platform_subsidy_fee") ?? 0));
        var channel = TaobaoChannel.Describe(
            TaobaoJson.String(trade, "trade_from"),
            lineElements.Select(o => TaobaoJson.String(o, "order_from")));

        return new Order
        {
            Key = new OrderKey(PlatformNames.Taobao, shopId, tid),
            Status = status,
            PlatformStatus = statusCode,
            CreatedAt = created,
            PaidAt = TaobaoJson.Time(trade, "pay_time"),
            UpdatedAt = TaobaoJson.Time(trade, "modified") ?? created,
            OrderAmountFen = goodsAmount,
            PaidAmountFen = payment,
            FreightFen = postFee,

            // Taobao splits price cuts over discount_fee (trade and line), adjust_fee and coupons; what they add up to is
            // the goods amount plus freight minus what the buyer paid. platform_subsidy_fee (trade, else the lines') is the
            // part Taobao funds and settles to the merchant; the rest the merchant bears.
            DiscountFen = discount,
            MerchantDiscountFen = split.MerchantFen,
            PlatformSubsidyFen = split.PlatformFen,
            BuyerOpenId = TaobaoJson.String(trade, "buyer_open_uid") ?? "",
            Receiver = ParseReceiver(trade),
            Tags = new MarketingTags(null, null, null, channel),
            Lines = lines,
            SellerNote = TaobaoJson.String(trade, "seller_memo") is { Length: > 0 } memo ? memo : null,

            // 运单号 of each shipped sub-order (loop.md §2.4 read-back).
            TrackingNumbers = lineElements.Select(l => TaobaoJson.String(l, "invoice_no")).OfType<string>().Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static OrderLine ParseLine(JsonElement line, bool isOnlyLine, long postFee)
    {
        var oid = TaobaoJson.Id(line, "oid_str") ?? TaobaoJson.Id(line, "oid") ?? throw Missing("orders.order[].oid");
        var numIid = TaobaoJson.Id(line, "num_iid");
        var isGift = TaobaoJson.Bool(line, "is_free_gift") ?? false;
        return new OrderLine
        {
            LineId = oid,
            ProductId = numIid ?? "",

            // An item without SKU variants has no sku_id: the item itself is the SKU.
            SkuId = TaobaoJson.String(line, "sku_id") ?? numIid ?? throw Missing($"sku_id and num_iid of line {oid}"),
            MerchantCode = TaobaoJson.String(line, "outer_sku_id") ?? TaobaoJson.String(line, "outer_iid"),
            Title = TaobaoJson.String(line, "title") ?? "",
            Quantity = checked((int)(PlatformJson.Long(line, "num") ?? throw Missing($"num of line {oid}"))),
            UnitPriceFen = TaobaoJson.Money(line, "price") ?? 0,
            PaidAmountFen = LinePaid(line, oid, isOnlyLine, postFee),
            IsGift = isGift,
            GiftForLineIds = isGift ? Ids(TaobaoJson.String(line, "gift_mids")) : [],
        };
    }

    /// <summary>
    /// <c>divide_order_fee</c> is the line's share of what the buyer paid after order-level discounts are spread over the
    /// lines. Without it, <c>payment</c> is the best figure; on a single-line trade it equals the trade's payment and so
    /// includes the freight, which belongs to the order, not the line.
    /// </summary>
    private static long LinePaid(JsonElement line, string oid, bool isOnlyLine, long postFee)
    {
        if (TaobaoJson.Money(line, "divide_order_fee") is { } divided)
        {
            return divided;
        }

        var payment = TaobaoJson.Money(line, "payment") ?? throw Missing($"payment of line {oid}");
        return isOnlyLine ? Math.Max(0, payment - postFee) : payment;
    }

    private static MaskedReceiver ParseReceiver(JsonElement trade)
    {
        // Taobao puts province-administered county-level cities in receiver_district with no receiver_city.
        var city = TaobaoJson.String(trade, "receiver_city");
        var district = TaobaoJson.String(trade, "receiver_district");
        var town = TaobaoJson.String(trade, "receiver_town");
        var address = TaobaoJson.String(trade, "receiver_address");
        return new MaskedReceiver(
            TaobaoJson.String(trade, "receiver_name"),
            TaobaoJson.String(trade, "receiver_mobile") ?? TaobaoJson.String(trade, "receiver_phone"),
            TaobaoJson.String(trade, "receiver_state"),
            city ?? district,
            city is null ? null : district,
            town is null ? address : town + address);
    }

    private static List<string> Ids(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated)
            ? []
            : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(id => id.All(char.IsAsciiDigit))
                .ToList();

    private static TaobaoResponseFormatException Missing(string field) => new($"trade lacks {field}");
}
