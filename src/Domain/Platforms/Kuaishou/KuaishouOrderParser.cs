namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// Parses an <c>open.order.detail</c> response (<c>data</c> = <c>OrderDetail</c>) into the canonical <see cref="Order"/>.
/// A 快手 order carries one SKU in <c>orderItemInfo</c> (a single object) and gifts as 附属单 in <c>subOrderInfo[]</c>.
/// Only the <c>desensitise*</c> receiver fields are read, never the <c>encrypted*</c> ones.
/// </summary>
/// <remarks>
/// Money is in fen. The reference calls <c>totalFee</c> 订单商品总价 and does not state its unit; it is read as the goods
/// total in fen before the order's <c>discountFee</c>, so the buyer paid <c>totalFee − discountFee + expressFee</c> (G).
/// </remarks>
public static class KuaishouOrderParser
{
    /// <summary><c>subOrderType</c> of a gift order (赠品订单).</summary>
    public const int GiftSubOrderType = 2;

    /// <summary><c>allActivityType</c> of the gift side of a gift activity (赠品活动-赠品).</summary>
    public const int GiftActivityType = 19;

    /// <exception cref="KuaishouResponseFormatException">Not the documented envelope, or a required field is missing.</exception>
    public static KuaishouOrderDetailResult ParseDetailResponse(string json, string shopId)
    {
        using var document = KuaishouEnvelope.Parse(json);
        var (data, error) = KuaishouEnvelope.Read(document);
        return error is not null
            ? KuaishouOrderDetailResult.Failure(error)
            : KuaishouOrderDetailResult.Success(ParseOrderDetail(data!.Value, shopId));
    }

    public static Order ParseOrderDetail(JsonElement detail, string shopId)
    {
        var baseInfo = KuaishouJson.Object(detail, "orderBaseInfo") ?? throw Missing("orderBaseInfo");
        var item = KuaishouJson.Object(detail, "orderItemInfo") ?? throw Missing("orderItemInfo");
        var orderId = PlatformJson.Id(baseInfo, "oid") ?? throw Missing("orderBaseInfo.oid");
        var status = PlatformJson.Long(baseInfo, "status") ?? throw Missing("orderBaseInfo.status");
        var refundSucceeded = RefundStatuses(detail).Contains(KuaishouStatusMap.RefundSucceeded);
        var canonical = KuaishouStatusMap.Map(status, refundSucceeded)
            ?? throw new KuaishouResponseFormatException($"unknown status {status} on order {orderId}");

        var createdAt = KuaishouJson.Time(baseInfo, "createTime") ?? throw Missing("orderBaseInfo.createTime");
        var quantity = Quantity(item, "orderItemInfo");
        var goods = PlatformJson.Long(baseInfo, "totalFee")
            ?? (PlatformJson.Long(item, "originalPrice") ?? PlatformJson.Long(item, "price") ?? throw Missing("orderBaseInfo.totalFee")) * quantity;
        var discount = PlatformJson.Long(baseInfo, "discountFee") ?? PlatformJson.Long(item, "discountFee") ?? 0;
        var freight = PlatformJson.Long(baseInfo, "expressFee") ?? 0;

        var anchor = Anchor(detail, baseInfo);
        var carrierType = PlatformJson.Long(baseInfo, "carrierType");
        var liveRoomId = KuaishouChannel.IsLiveRoom(carrierType) ? PlatformJson.Id(baseInfo, "carrierId") : null;
        var cpsType = PlatformJson.Long(baseInfo, "cpsType") ?? (KuaishouJson.Object(detail, "orderCpsInfo") is { } cps ? PlatformJson.Long(cps, "cpsType") : null);

        var mainLine = Line(item, orderId, quantity) with
        {
            PaidAmountFen = Math.Max(0, goods - discount),
            AnchorId = anchor.Id,
            AnchorName = anchor.Name,
            LiveRoomId = liveRoomId,
        };
        var lines = new List<OrderLine> { mainLine };
        lines.AddRange(SubOrderLines(detail, orderId, anchor, liveRoomId));

        return new Order
        {
            Key = new OrderKey(PlatformNames.Kuaishou, shopId, orderId),
            Status = canonical,
            PlatformStatus = canonical == OrderStatus.Refunded ? $"{status}/refund{KuaishouStatusMap.RefundSucceeded}" : $"{status}",
            CreatedAt = createdAt,
            PaidAt = KuaishouJson.Time(baseInfo, "payTime"),
            UpdatedAt = KuaishouJson.Time(baseInfo, "updateTime") ?? createdAt,
            OrderAmountFen = goods,
            PaidAmountFen = goods - discount + freight,
            FreightFen = freight,
            DiscountFen = discount,

            // open.order.detail does not say who bears discountFee (open.seller.order.fee.detail does): until that is
            // read, the whole discount counts as the merchant's.
            MerchantDiscountFen = Math.Max(0, discount),
            BuyerOpenId = PlatformJson.String(baseInfo, "buyerOpenId") ?? "",
            Receiver = Receiver(detail),
            Tags = new MarketingTags(anchor.Id, anchor.Name, liveRoomId, KuaishouChannel.Describe(carrierType, cpsType)),
            Lines = lines,
            SellerNote = SellerNotes(detail),
            TrackingNumbers = TrackingNumbers(detail),
        };
    }

    /// <summary><c>orderLogisticsInfo[].expressNo</c>: the waybills the order was shipped with (loop.md §2.2).</summary>
    private static List<string> TrackingNumbers(JsonElement detail) =>
        PlatformJson.Property(detail, "orderLogisticsInfo") is { ValueKind: JsonValueKind.Array } parcels
            ? parcels.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(p => PlatformJson.NonEmpty(PlatformJson.String(p, "expressNo"))).OfType<string>().ToList()
            : [];

    /// <summary>The seller's notes (<c>orderNote.orderNoteInfo[].note</c>, newest first), one a line; null when there are none.</summary>
    private static string? SellerNotes(JsonElement detail)
    {
        if (KuaishouJson.Object(detail, "orderNote") is not { } orderNote ||
            PlatformJson.Property(orderNote, "orderNoteInfo") is not { ValueKind: JsonValueKind.Array } notes)
        {
            return null;
        }

        var texts = notes.EnumerateArray()
            .Where(n => n.ValueKind == JsonValueKind.Object)
            .Select(n => PlatformJson.NonEmpty(PlatformJson.String(n, "note")))
            .OfType<string>()
            .ToList();
        return texts.Count == 0 ? null : string.Join('\n', texts);
    }

    private static OrderLine Line(JsonElement item, string lineId, int quantity) => new()
    {
        LineId = lineId,
        ProductId = PlatformJson.Id(item, "itemId") ?? "",
        SkuId = PlatformJson.Id(item, "skuId") ?? throw Missing($"skuId of line {lineId}"),
        MerchantCode = PlatformJson.NonEmpty(PlatformJson.String(item, "skuNick")) ?? PlatformJson.NonEmpty(PlatformJson.String(item, "goodsCode")),
        Title = PlatformJson.String(item, "itemTitle") ?? "",
        Quantity = quantity,
        UnitPriceFen = PlatformJson.Long(item, "originalPrice") ?? PlatformJson.Long(item, "price") ?? 0,
        PaidAmountFen = 0,
    };

    private static IEnumerable<OrderLine> SubOrderLines(JsonElement detail, string orderId, (string? Id, string? Name) anchor, string? liveRoomId)
    {
        if (PlatformJson.Property(detail, "subOrderInfo") is not { ValueKind: JsonValueKind.Array } subOrders)
        {
            yield break;
        }

        foreach (var sub in subOrders.EnumerateArray())
        {
            var subBase = KuaishouJson.Object(sub, "subOrderBaseInfo") ?? throw Missing("subOrderInfo[].subOrderBaseInfo");
            var subItem = KuaishouJson.Object(sub, "subOrderItemInfo") ?? throw Missing("subOrderInfo[].subOrderItemInfo");
            var lineId = PlatformJson.Id(subBase, "oid") ?? throw Missing("subOrderInfo[].subOrderBaseInfo.oid");
            var quantity = PlatformJson.Long(subItem, "num") is { } n ? checked((int)n) : 1;
            var isGift = PlatformJson.Long(sub, "subOrderType") == GiftSubOrderType ||
                         new[] { sub, subBase, subItem }.Any(o => KuaishouJson.Longs(o, "allActivityType").Contains(GiftActivityType));
            yield return Line(subItem, lineId, quantity) with
            {
                PaidAmountFen = isGift ? 0 : (PlatformJson.Long(subItem, "price") ?? 0) * quantity,
                IsGift = isGift,
                GiftForLineIds = isGift ? [orderId] : [],
                AnchorId = anchor.Id,
                AnchorName = anchor.Name,
                LiveRoomId = liveRoomId,
            };
        }
    }

    /// <summary>
    /// The 达人 a 分销 order was sold through (<c>orderCpsInfo.distributorId</c>), else the selling role
    /// (<c>orderSellerRoleInfo</c>: 货主, 达人 or 授权号) — the account that presented the goods.
    /// </summary>
    private static (string? Id, string? Name) Anchor(JsonElement detail, JsonElement baseInfo)
    {
        if (KuaishouJson.Object(detail, "orderCpsInfo") is { } cps && PlatformJson.Id(cps, "distributorId") is { } distributor)
        {
            return (distributor, PlatformJson.NonEmpty(PlatformJson.String(cps, "distributorName")));
        }

        var role = KuaishouJson.Object(baseInfo, "orderSellerRoleInfo") ?? KuaishouJson.Object(detail, "orderSellerRoleInfo");
        return role is { } r && PlatformJson.Id(r, "roleId") is { } roleId
            ? (roleId, PlatformJson.NonEmpty(PlatformJson.String(r, "roleName")))
            : (null, null);
    }

    private static HashSet<long> RefundStatuses(JsonElement detail)
    {
        var statuses = new HashSet<long>();
        if (PlatformJson.Property(detail, "orderRefundList") is { ValueKind: JsonValueKind.Array } refunds)
        {
            foreach (var refund in refunds.EnumerateArray())
            {
                if (PlatformJson.Long(refund, "refundStatus") is { } s)
                {
                    statuses.Add(s);
                }
            }
        }

        return statuses;
    }

    private static MaskedReceiver Receiver(JsonElement detail)
    {
        if (KuaishouJson.Object(detail, "orderAddress") is not { } address)
        {
            return MaskedReceiver.Empty;
        }

        string? Text(string name) => PlatformJson.NonEmpty(PlatformJson.String(address, name));
        var town = Text("town");
        var masked = Text("desensitiseAddress");
        return new MaskedReceiver(
            Text("desensitiseConsignee"),
            Text("desensitiseMobile"),
            Text("province"),
            Text("city"),
            Text("district"),
            town is not null && masked is not null && !masked.Contains(town, StringComparison.Ordinal) ? town + masked : masked);
    }

    private static int Quantity(JsonElement item, string where) =>
        PlatformJson.Long(item, "num") is { } n and > 0 ? checked((int)n) : throw Missing($"{where}.num");

    private static KuaishouResponseFormatException Missing(string field) => new($"order detail lacks {field}");
}
