using ServerlessSync.Domain.Orders;

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

            if (DouyinJson.Property(root, "data") is not { } data ||
                DouyinJson.Property(data, "shop_order_detail") is not { ValueKind: JsonValueKind.Object } detail)
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
        var orderId = DouyinJson.Id(detail, "order_id") ?? throw Missing("order_id");
        var orderStatus = DouyinJson.Long(detail, "order_status") ?? throw Missing("order_status");
        var mainStatus = DouyinJson.Long(detail, "main_status");
        var status = DouyinStatusMap.Map(orderStatus, mainStatus)
            ?? throw new DouyinResponseFormatException($"unknown order_status {orderStatus} on order {orderId}");

        var createdAt = DouyinJson.UnixTime(detail, "create_time") ?? throw Missing("create_time");
        var lines = ParseLines(detail);
        var discount = DouyinJson.Long(detail, "promotion_amount") ?? 0;
        var split = DiscountSplit.Of(discount, PlatformBorne(detail, discount));
        var firstWithAuthor = lines.FirstOrDefault(l => l.AnchorId is not null);
        var liveRoom = firstWithAuthor?.LiveRoomId ?? lines.FirstOrDefault(l => l.LiveRoomId is not null)?.LiveRoomId;
        var channel = DouyinChannel.Describe(
            DouyinJson.Long(detail, "b_type"),
            DouyinJson.String(detail, "b_type_desc"),
            DouyinJson.Long(detail, "c_biz"),
            DouyinJson.String(detail, "c_biz_desc"));

        return new Order
        {
            Key = new OrderKey(PlatformNames.Douyin, shopId, orderId),
            Status = status,
            PlatformStatus = mainStatus is { } main && main != orderStatus ? $"{orderStatus}/{main}" : $"{orderStatus}",
            CreatedAt = createdAt,
            PaidAt = DouyinJson.UnixTime(detail, "pay_time"),
            UpdatedAt = DouyinJson.UnixTime(detail, "update_time") ?? createdAt,
            OrderAmountFen = DouyinJson.Long(detail, "order_amount") ?? 0,
            PaidAmountFen = DouyinJson.Long(detail, "pay_amount") ?? throw Missing("pay_amount"),
            FreightFen = DouyinJson.Long(detail, "post_amount") ?? 0,
            DiscountFen = discount,
            MerchantDiscountFen = split.MerchantFen,
            PlatformSubsidyFen = split.PlatformFen,
            BuyerOpenId = DouyinJson.String(detail, "doudian_open_id") ?? "",
            Receiver = ParseReceiver(detail),
            Tags = new MarketingTags(firstWithAuthor?.AnchorId, firstWithAuthor?.AnchorName, liveRoom, channel),
            Lines = lines,
            SellerNote = DouyinJson.String(detail, "seller_words") is { Length: > 0 } words ? words : null,
            TrackingNumbers = TrackingNumbers(detail),
        };
    }

    /// <summary><c>logistics_info[].tracking_no</c>: the waybills of the parcels shipped so far (loop.md §2.1).</summary>
    private static List<string> TrackingNumbers(JsonElement detail) =>
        DouyinJson.Property(detail, "logistics_info") is { ValueKind: JsonValueKind.Array } parcels
            ? parcels.EnumerateArray().Select(p => DouyinJson.String(p, "tracking_no")).OfType<string>().Where(t => t.Length > 0).ToList()
            : [];

    /// <summary>
    /// Who pays a discount (<c>*_cost_amount</c>) is a separate axis from who runs it (<c>promotion_*</c>): a platform
    /// activity can be merchant-funded. <c>platform_cost_amount</c> (platform + 达人) is what the merchant does not bear;
    /// without it, <c>shop_cost_amount</c> says what the merchant does; without either, the owners' split is the best figure.
    /// </summary>
    private static long PlatformBorne(JsonElement detail, long discount) =>
        DouyinJson.Long(detail, "platform_cost_amount")
        ?? (DouyinJson.Long(detail, "shop_cost_amount") is { } shop ? discount - shop : (long?)null)
        ?? (DouyinJson.Long(detail, "promotion_platform_amount") ?? 0) + (DouyinJson.Long(detail, "promotion_talent_amount") ?? 0);

    private static List<OrderLine> ParseLines(JsonElement detail)
    {
        if (DouyinJson.Property(detail, "sku_order_list") is not { ValueKind: JsonValueKind.Array } list)
        {
            throw Missing("sku_order_list");
        }

        return list.EnumerateArray().Select(ParseLine).ToList();
    }

    private static OrderLine ParseLine(JsonElement sku)
    {
        var lineId = DouyinJson.Id(sku, "order_id") ?? throw Missing("sku_order_list[].order_id");
        var isGift = string.Equals(DouyinJson.String(sku, "given_product_type"), "FREE", StringComparison.OrdinalIgnoreCase);
        var masters = DouyinJson.Ids(sku, "master_sku_order_id_list");
        if (isGift && masters.Count == 0 && DouyinJson.Id(sku, "master_sku_order_id") is { } legacyMaster)
        {
            masters = [legacyMaster];
        }

        return new OrderLine
        {
            LineId = lineId,
            ProductId = DouyinJson.Id(sku, "product_id_str") ?? DouyinJson.Id(sku, "product_id") ?? "",
            SkuId = DouyinJson.Id(sku, "sku_id") ?? throw Missing($"sku_id of line {lineId}"),
            MerchantCode = NonEmpty(DouyinJson.String(sku, "code")) ?? NonEmpty(DouyinJson.String(sku, "out_sku_id")),
            Title = DouyinJson.String(sku, "product_name") ?? "",
            Quantity = checked((int)(DouyinJson.Long(sku, "item_num") ?? throw Missing($"item_num of line {lineId}"))),
            UnitPriceFen = DouyinJson.Long(sku, "origin_amount") ?? 0,
            PaidAmountFen = DouyinJson.Long(sku, "pay_amount") ?? throw Missing($"pay_amount of line {lineId}"),
            IsGift = isGift,
            GiftForLineIds = isGift ? masters : [],
            Bundle = ParseBundle(sku),
            AnchorId = DouyinJson.Id(sku, "author_id"),
            AnchorName = NonEmpty(DouyinJson.String(sku, "author_name")),
            LiveRoomId = DouyinJson.Id(sku, "room_id_str") ?? DouyinJson.Id(sku, "room_id"),
        };
    }

    private static List<BundleComponent> ParseBundle(JsonElement sku)
    {
        if (DouyinJson.Property(sku, "bundle_sku_info") is not { ValueKind: JsonValueKind.Array } items)
        {
            return [];
        }

        return items.EnumerateArray()
            .Select(item => new BundleComponent(
                DouyinJson.Id(item, "sku_id") ?? throw Missing("bundle_sku_info[].sku_id"),
                NonEmpty(DouyinJson.String(item, "code")),
                DouyinJson.String(item, "product_name") ?? "",
                checked((int)(DouyinJson.Long(item, "item_num") ?? 1))))
            .ToList();
    }

    private static MaskedReceiver ParseReceiver(JsonElement detail)
    {
        var address = DouyinJson.Property(detail, "mask_post_addr");
        string? Region(string name) =>
            address is { } a && DouyinJson.Property(a, name) is { } region ? NonEmpty(DouyinJson.String(region, "name")) : null;

        var street = Region("street");
        var detailText = address is { } addr ? NonEmpty(DouyinJson.String(addr, "detail")) : null;
        return new MaskedReceiver(
            NonEmpty(DouyinJson.String(detail, "mask_post_receiver")),
            NonEmpty(DouyinJson.String(detail, "mask_post_tel")),
            Region("province"),
            Region("city"),
            Region("town"),
            street is null ? detailText : street + detailText);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static DouyinResponseFormatException Missing(string field) => new($"shop_order_detail lacks {field}");
}
