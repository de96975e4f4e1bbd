namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// Parses a <c>POST /channels/ec/order/get</c> answer (<c>{errcode, errmsg, order}</c>) into the canonical <see cref="Order"/>.
/// Receiver fields are kept exactly as masked by the platform; nothing is decoded here.
/// </summary>
public static class WeChatOrderParser
{
    /// <summary>
    /// The request body: the order id as a JSON string, never a number (it exceeds 2^53), and
    /// <c>encode_sensitive_info: true</c>, which asks for the receiver fields masked (脱敏) where the API still offers
    /// them in clear.
    /// </summary>
    public static string DetailRequest(string orderId) => JsonSerializer.Serialize(new DetailRequestBody(orderId, true));

    private static readonly JsonSerializerOptions MerchantNotesJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body of <c>merchantnotes/update</c>: <c>{"order_id": "...", "merchant_notes": "..."}</c> (loop.md §1).</summary>
    public static string MerchantNotesRequest(string orderId, string notes) =>
        JsonSerializer.Serialize(new MerchantNotesBody(orderId, notes), MerchantNotesJson);

    /// <exception cref="WeChatResponseFormatException">Not the documented answer, or a required field is missing.</exception>
    public static WeChatOrderDetailResult ParseDetailResponse(string json, string shopId)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WeChatResponseFormatException("order/get answer is not a JSON object");
            }

            if (WeChatApiError.From(root) is { } error)
            {
                return WeChatOrderDetailResult.Failure(error);
            }

            return PlatformJson.Property(root, "order") is { ValueKind: JsonValueKind.Object } order
                ? WeChatOrderDetailResult.Success(ParseOrder(order, shopId))
                : throw new WeChatResponseFormatException("order/get answer without order");
        }
        catch (JsonException ex)
        {
            throw new WeChatResponseFormatException("order/get answer is not valid JSON", ex);
        }
    }

    public static Order ParseOrder(JsonElement order, string shopId)
    {
        var orderId = PlatformJson.Id(order, "order_id") ?? throw Missing("order_id");
        var status = PlatformJson.Long(order, "status") ?? throw Missing("status");
        var canonical = WeChatStatusMap.Map(status) ?? throw new WeChatResponseFormatException($"unknown status {status} on order {orderId}");
        var createdAt = PlatformJson.UnixSeconds(order, "create_time") ?? throw Missing("create_time");
        var detail = PlatformJson.Property(order, "order_detail") is { ValueKind: JsonValueKind.Object } d ? d : throw Missing("order_detail");
        var price = PlatformJson.Property(detail, "price_info") is { ValueKind: JsonValueKind.Object } p ? p : throw Missing("order_detail.price_info");
        var ext = PlatformJson.Property(detail, "ext_info") ?? default;
        var sources = Sources(detail);

        var finderId = WeChatJson.NonEmptyString(ext, "finder_id");
        var liveId = WeChatJson.NonEmptyString(ext, "live_id") is { } live && live.Any(c => c != '0') ? live : null;
        var anchorName = (finderId is null ? null : sources.FirstOrDefault(s => s.AccountId == finderId)?.Nickname)
            ?? AgentNickname(detail, finderId);

        var lines = ParseLines(orderId, detail, sources, finderId, anchorName, liveId);
        var paid = PlatformJson.Long(price, "order_price") ?? throw Missing("price_info.order_price");
        var goods = PlatformJson.Long(price, "product_price") ?? lines.Sum(l => l.UnitPriceFen * l.Quantity);
        var freight = (WeChatJson.Flag(price, "is_change_freight") ? PlatformJson.Long(price, "change_freight") : null)
            ?? PlatformJson.Long(price, "freight") ?? 0;
        var discount = Math.Max(0, goods + freight - paid);
        var split = DiscountSplit.Of(discount, PlatformBorne(price));

        return new Order
        {
            Key = new OrderKey(PlatformNames.WeChat, shopId, orderId),
            Status = canonical,
            PlatformStatus = status.ToString(CultureInfo.InvariantCulture),
            CreatedAt = createdAt,
            PaidAt = PlatformJson.Property(detail, "pay_info") is { } pay ? PlatformJson.UnixSeconds(pay, "pay_time") : null,
            UpdatedAt = PlatformJson.UnixSeconds(order, "update_time") ?? createdAt,
            OrderAmountFen = goods,
            PaidAmountFen = paid,
            FreightFen = freight,
            // Every reduction between list price plus freight and what was paid, whoever funded it (merchant, 达人,
            // price change, points): price_info splits them over fields that differ between API versions.
            DiscountFen = discount,
            MerchantDiscountFen = split.MerchantFen,
            PlatformSubsidyFen = split.PlatformFen,
            BuyerOpenId = PlatformJson.String(order, "openid") ?? "",
            Receiver = ParseReceiver(detail),
            Tags = new MarketingTags(finderId, anchorName, liveId, WeChatOrderScene.Describe(PlatformJson.Long(ext, "order_scene"))),
            Lines = lines,
            SellerNote = WeChatJson.NonEmptyString(ext, "merchant_notes"),
            TrackingNumbers = PlatformJson.Property(detail, "delivery_info") is { ValueKind: JsonValueKind.Object } delivery
                ? PlatformJson.Array(delivery, "delivery_product_info").Select(p => WeChatJson.NonEmptyString(p, "waybill_id")).OfType<string>().ToList()
                : [],
        };
    }

    /// <summary>
    /// The body of <c>delivery/send</c> (loop.md §2.3): one <c>delivery_list</c> entry, 自寄快递 (<c>deliver_type</c> 1), with
    /// <c>product_infos</c> when only some goods ship.
    /// </summary>
    public static string DeliverySendRequest(string orderId, string deliveryId, string waybillId, IEnumerable<(string ProductId, string SkuId, int Count)>? products)
    {
        var parcel = new System.Text.Json.Nodes.JsonObject { ["delivery_id"] = deliveryId, ["waybill_id"] = waybillId, ["deliver_type"] = 1 };
        if (products is not null)
        {
            parcel["product_infos"] = new System.Text.Json.Nodes.JsonArray(products.Select(p => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["product_id"] = p.ProductId,
                ["sku_id"] = p.SkuId,
                ["product_cnt"] = p.Count,
            }).ToArray());
        }

        return new System.Text.Json.Nodes.JsonObject { ["order_id"] = orderId, ["delivery_list"] = new System.Text.Json.Nodes.JsonArray(parcel) }.ToJsonString();
    }

    /// <summary>
    /// The discounts the merchant does not bear: platform coupons (<c>cash_coupon_discounted_price</c>), 达人 discounts
    /// (<c>finder_discounted_price</c>) and the state subsidy less its merchant-borne part. Merchant discounts, price
    /// cuts and the merchant's share of platform activities are the rest.
    /// </summary>
    private static long PlatformBorne(JsonElement price) =>
        (PlatformJson.Long(price, "cash_coupon_discounted_price") ?? 0)
        + (PlatformJson.Long(price, "finder_discounted_price") ?? 0)
        + Math.Max(0, (PlatformJson.Long(price, "national_subsidy_discounted_price") ?? 0) - (PlatformJson.Long(price, "national_subsidy_merchant_discounted_price") ?? 0));

    private sealed record Source(string? SkuId, long? AccountType, string? AccountId, string? Nickname);

    /// <summary><c>source_infos[]</c> as the doc names it (sku-level origin), or WxJava's single <c>source_info</c>.</summary>
    private static List<Source> Sources(JsonElement detail)
    {
        var elements = PlatformJson.Array(detail, "source_infos").ToList();
        if (elements.Count == 0 && PlatformJson.Property(detail, "source_info") is { ValueKind: JsonValueKind.Object } single)
        {
            elements.Add(single);
        }

        return elements
            .Select(s => new Source(
                PlatformJson.Id(s, "sku_id"),
                PlatformJson.Long(s, "account_type"),
                WeChatJson.NonEmptyString(s, "account_id"),
                WeChatJson.NonEmptyString(s, "account_nickname")))
            .ToList();
    }

    private static string? AgentNickname(JsonElement detail, string? finderId) =>
        PlatformJson.Property(detail, "agent_info") is { } agent && WeChatJson.NonEmptyString(agent, "agent_finder_id") == finderId
            ? WeChatJson.NonEmptyString(agent, "agent_finder_nickname")
            : null;

    private static List<OrderLine> ParseLines(
        string orderId, JsonElement detail, List<Source> sources, string? finderId, string? anchorName, string? liveId)
    {
        if (PlatformJson.Property(detail, "product_infos") is not { ValueKind: JsonValueKind.Array } products)
        {
            throw Missing("order_detail.product_infos");
        }

        var raw = products.EnumerateArray().Select((product, index) => (product, index)).ToList();
        var lineIds = raw.Select(r => WeChatJson.NonEmptyString(r.product, "product_unique_id")
            ?? string.Create(CultureInfo.InvariantCulture, $"{orderId}-{r.index + 1}")).ToList();
        var paidLineBySku = raw
            .Where(r => !WeChatJson.Flag(r.product, "is_free_gift"))
            .Select(r => (Sku: PlatformJson.Id(r.product, "sku_id"), LineId: lineIds[r.index]))
            .Where(x => x.Sku is not null)
            .GroupBy(x => x.Sku!)
            .ToDictionary(g => g.Key, g => g.First().LineId, StringComparer.Ordinal);

        return raw.Select(r =>
        {
            var product = r.product;
            var lineId = lineIds[r.index];
            var skuId = PlatformJson.Id(product, "sku_id") ?? throw Missing($"sku_id of product {r.index}");
            var isGift = WeChatJson.Flag(product, "is_free_gift");
            // 视频号 (account_type 1) sources name the anchor a SKU was sold by; other account types are not anchors.
            var source = sources.FirstOrDefault(s => s.SkuId == skuId && s.AccountType == 1);
            return new OrderLine
            {
                LineId = lineId,
                ProductId = PlatformJson.Id(product, "product_id") ?? "",
                SkuId = skuId,
                MerchantCode = WeChatJson.NonEmptyString(product, "sku_code") ?? WeChatJson.NonEmptyString(product, "out_sku_id"),
                Title = PlatformJson.String(product, "title") ?? "",
                Quantity = checked((int)(PlatformJson.Long(product, "sku_cnt") ?? throw Missing($"sku_cnt of line {lineId}"))),
                UnitPriceFen = PlatformJson.Long(product, "sale_price") ?? 0,
                PaidAmountFen = PlatformJson.Long(product, "real_price") ?? (isGift ? 0 : throw Missing($"real_price of line {lineId}")),
                IsGift = isGift,
                GiftForLineIds = isGift ? GiftMasters(product, paidLineBySku) : [],
                AnchorId = source?.AccountId ?? finderId,
                AnchorName = source?.Nickname ?? anchorName,
                LiveRoomId = liveId,
            };
        }).ToList();
    }

    /// <summary><c>free_gift_info.main_product_list[].sku_id</c> (WxJava) → the lines selling those SKUs.</summary>
    private static List<string> GiftMasters(JsonElement product, Dictionary<string, string> paidLineBySku) =>
        PlatformJson.Property(product, "free_gift_info") is { } info
            ? PlatformJson.Array(info, "main_product_list")
                .Select(m => PlatformJson.Id(m, "sku_id"))
                .Where(sku => sku is not null && paidLineBySku.ContainsKey(sku))
                .Select(sku => paidLineBySku[sku!])
                .Distinct()
                .ToList()
            : [];

    private static MaskedReceiver ParseReceiver(JsonElement detail)
    {
        if (PlatformJson.Property(detail, "delivery_info") is not { } delivery || PlatformJson.Property(delivery, "address_info") is not { } address)
        {
            return MaskedReceiver.Empty;
        }

        var street = WeChatJson.NonEmptyString(address, "detail_info");
        var house = WeChatJson.NonEmptyString(address, "house_number");
        return new MaskedReceiver(
            WeChatJson.NonEmptyString(address, "user_name"),
            WeChatJson.NonEmptyString(address, "tel_number") ?? WeChatJson.NonEmptyString(address, "virtual_order_tel_number"),
            WeChatJson.NonEmptyString(address, "province_name"),
            WeChatJson.NonEmptyString(address, "city_name"),
            WeChatJson.NonEmptyString(address, "county_name"),
            house is null ? street : street + house);
    }

    private static WeChatResponseFormatException Missing(string field) => new($"order lacks {field}");
}

internal sealed record MerchantNotesBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("order_id")] string OrderId,
    [property: System.Text.Json.Serialization.JsonPropertyName("merchant_notes")] string MerchantNotes);

internal sealed record DetailRequestBody(
    [property: System.Text.Json.Serialization.JsonPropertyName("order_id")] string OrderId,
    [property: System.Text.Json.Serialization.JsonPropertyName("encode_sensitive_info")] bool EncodeSensitiveInfo);
