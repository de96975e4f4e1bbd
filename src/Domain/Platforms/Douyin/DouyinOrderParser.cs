namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// Parses an <c>order.orderDetail</c> response (<c>data.shop_order_detail</c>, lines in <c>sku_order_list[]</c>) into the
/// canonical <see cref="Order"/>. Only the masked receiver fields are read, never the <c>encrypt_*</c> ones.
/// </summary>
public static class DouyinOrderParser
{
    /// <exception cref="DouyinResponseFormatException">Not the documented envelope, or a required field is missing.</exception>
    public static DouyinOrderDetailResult ParseDetailResponse(string json, string shopId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (DouyinEnvelope.ErrorOf(root) is { } error)
            {
                return DouyinOrderDetailResult.Failure(error);
            }

            if (PlatformJson.Property(root, "data") is not { } data ||
                PlatformJson.Property(data, "shop_order_detail") is not { ValueKind: JsonValueKind.Object } detail)
            {
                throw new DouyinResponseFormatException("success response without data.shop_order_detail");
            }

            return DouyinOrderDetailResult.Success(ParseShopOrderDetail(detail, shopId));
        }
        catch (JsonException ex)
        {
            throw new DouyinResponseFormatException("response is not valid JSON", ex);
        }
    }

    public static Order ParseShopOrderDetail(JsonElement detail, string shopId)
    {
        var orderId = PlatformJson.Id(detail, "order_id") ?? throw Missing("order_id");
        var orderStatus = PlatformJson.Long(detail, "order_status") ?? throw Missing("order_status");
        var mainStatus = PlatformJson.Long(detail, "main_status");
        var status = DouyinStatusMap.Map(orderStatus, mainStatus)
            ?? throw new DouyinResponseFormatException($"unknown order_status {orderStatus} on order {orderId}");

        var createdAt = DouyinJson.UnixTime(detail, "create_time") ?? throw Missing("create_time");
        var lines = ParseLines(detail);
        var discount = PlatformJson.Long(detail, "promotion_amount") ?? 0;
        var split = DiscountSplit.Of(discount, PlatformBorne(detail, discount));
        var firstWithAuthor = lines.FirstOrDefault(l => l.AnchorId is not null);
        var liveRoom = firstWithAuthor?.LiveRoomId ?? lines.FirstOrDefault(l => l.LiveRoomId is not null)?.LiveRoomId;
        var channel = DouyinChannel.Describe(
            PlatformJson.Long(detail, "b_type"),
            PlatformJson.String(detail, "b_type_desc"),
            PlatformJson.Long(detail, "c_biz"),
            PlatformJson.String(detail, "c_biz_desc"));

        return new Order
        {
            Key = new OrderKey(PlatformNames.Douyin, shopId, orderId),
            Status = status,
            PlatformStatus = mainStatus is { } main && main != orderStatus ? $"{orderStatus}/{main}" : $"{orderStatus}",
            CreatedAt = createdAt,
            PaidAt = DouyinJson.UnixTime(detail, "pay_time"),
            UpdatedAt = DouyinJson.UnixTime(detail, "update_time") ?? createdAt,
            OrderAmountFen = PlatformJson.Long(detail, "order_amount") ?? 0,
            PaidAmountFen = PlatformJson.Long(detail, "pay_amount") ?? throw Missing("pay_amount"),
            FreightFen = PlatformJson.Long(detail, "post_amount") ?? 0,
            DiscountFen = discount,
            MerchantDiscountFen = split.MerchantFen,
            PlatformSubsidyFen = split.PlatformFen,
            BuyerOpenId = PlatformJson.String(detail, "doudian_open_id") ?? "",
            Receiver = ParseReceiver(detail),
            Tags = new MarketingTags(firstWithAuthor?.AnchorId, firstWithAuthor?.AnchorName, liveRoom, channel),
            Lines = lines,
            SellerNote = PlatformJson.String(detail, "seller_words") is { Length: > 0 } words ? words : null,
            TrackingNumbers = TrackingNumbers(detail),
        };
    }

    /// <summary><c>logistics_info[].tracking_no</c>: the waybills of the parcels shipped so far (loop.md §2.1).</summary>
    private static List<string> TrackingNumbers(JsonElement detail) =>
        PlatformJson.Property(detail, "logistics_info") is { ValueKind: JsonValueKind.Array } parcels
            ? parcels.EnumerateArray().Select(p => PlatformJson.String(p, "tracking_no")).OfType<string>().Where(t => t.Length > 0).ToList()
            : [];

    /// <summary>
    /// Who pays a discount (<c>*_cost_amount</c>) is a separate axis from who runs it (<c>promotion_*</c>): a platform
    /// activity can be merchant-funded. <c>platform_cost_amount</c> (platform + 达人) is what the merchant does not bear;
    /// without it, <c>shop_cost_amount</c> says what the merchant does; without either, the owners' split is the best figure.
    /// </summary>
    private static long PlatformBorne(JsonElement detail, long discount) =>
        PlatformJson.Long(detail, "platform_cost_amount")
        ?? (PlatformJson.Long(detail, "shop_cost_amount") is { } shop ? discount - shop : (long?)null)
        ?? (PlatformJson.Long(detail, "promotion_platform_amount") ?? 0) + (PlatformJson.Long(detail, "promotion_talent_amount") ?? 0);

    private static List<OrderLine> ParseLines(JsonElement detail)
    {
        if (PlatformJson.Property(detail, "sku_order_list") is not { ValueKind: JsonValueKind.Array } list)
        {
            throw Missing("sku_order_list");
        }

        return list.EnumerateArray().Select(ParseLine).ToList();
    }

    private static OrderLine ParseLine(JsonElement sku)
    {
        var lineId = PlatformJson.Id(sku, "order_id") ?? throw Missing("sku_order_list[].order_id");
        var isGift = string.Equals(PlatformJson.String(sku, "given_product_type"), "FREE", StringComparison.OrdinalIgnoreCase);
        var masters = DouyinJson.Ids(sku, "master_sku_order_id_list");
        if (isGift && masters.Count == 0 && PlatformJson.Id(sku, "master_sku_order_id") is { } legacyMaster)
        {
            masters = [legacyMaster];
        }

        return new OrderLine
        {
            LineId = lineId,
            ProductId = PlatformJson.Id(sku, "product_id_str") ?? PlatformJson.Id(sku, "product_id") ?? "",
            SkuId = PlatformJson.Id(sku, "sku_id") ?? throw Missing($"sku_id of line {lineId}"),
            MerchantCode = NonEmpty(PlatformJson.String(sku, "code")) ?? NonEmpty(PlatformJson.String(sku, "out_sku_id")),
            Title = PlatformJson.String(sku, "product_name") ?? "",
            Quantity = checked((int)(PlatformJson.Long(sku, "item_num") ?? throw Missing($"item_num of line {lineId}"))),
            UnitPriceFen = PlatformJson.Long(sku, "origin_amount") ?? 0,
            PaidAmountFen = PlatformJson.Long(sku, "pay_amount") ?? throw Missing($"pay_amount of line {lineId}"),
            IsGift = isGift,
            GiftForLineIds = isGift ? masters : [],
            Bundle = ParseBundle(sku),
            AnchorId = PlatformJson.Id(sku, "author_id"),
            AnchorName = NonEmpty(PlatformJson.String(sku, "author_name")),
            LiveRoomId = PlatformJson.Id(sku, "room_id_str") ?? PlatformJson.Id(sku, "room_id"),
        };
    }

    private static List<BundleComponent> ParseBundle(JsonElement sku)
    {
        if (PlatformJson.Property(sku, "bundle_sku_info") is not { ValueKind: JsonValueKind.Array } items)
        {
            return [];
        }

        return items.EnumerateArray()
            .Select(item => new BundleComponent(
                PlatformJson.Id(item, "sku_id") ?? throw Missing("bundle_sku_info[].sku_id"),
                NonEmpty(PlatformJson.String(item, "code")),
                PlatformJson.String(item, "product_name") ?? "",
                checked((int)(PlatformJson.Long(item, "item_num") ?? 1))))
            .ToList();
    }

    private static MaskedReceiver ParseReceiver(JsonElement detail)
    {
        var address = PlatformJson.Property(detail, "mask_post_addr");
        string? Region(string name) =>
            address is { } a && PlatformJson.Property(a, name) is { } region ? NonEmpty(PlatformJson.String(region, "name")) : null;

        var street = Region("street");
        var detailText = address is { } addr ? NonEmpty(PlatformJson.String(addr, "detail")) : null;
        return new MaskedReceiver(
            NonEmpty(PlatformJson.String(detail, "mask_post_receiver")),
            NonEmpty(PlatformJson.String(detail, "mask_post_tel")),
            Region("province"),
            Region("city"),
            Region("town"),
            street is null ? detailText : street + detailText);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static DouyinResponseFormatException Missing(string field) => new($"shop_order_detail lacks {field}");
}
