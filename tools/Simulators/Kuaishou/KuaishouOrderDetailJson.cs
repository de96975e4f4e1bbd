using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// Renders a simulated order as <c>open.order.detail</c>'s <c>data</c> (<c>OrderDetail</c>) and as a cursor-list entry,
/// with 快手's field names and types: ids and money as JSON numbers, times in ms.
/// </summary>
public static class KuaishouOrderDetailJson
{
    /// <summary>赠品活动-主品 / 赠品活动-赠品 (<c>allActivityType</c>).</summary>
    public const int GiftActivityMaster = 18;
    public const int GiftActivityGift = 19;

    /// <summary>The platform returns at most this many notes, newest first (KS <c>OrderNote_10635</c>).</summary>
    public const int MaxNotesShown = 30;

    private static JsonArray Notes(IReadOnlyList<KuaishouSimNote> notes) => new(notes
        .Reverse()
        .Take(MaxNotesShown)
        .Select(n => (JsonNode)new JsonObject
        {
            ["createTime"] = n.CreateTime,
            ["note"] = n.Note,
            ["flagTagCode"] = n.FlagTagCode,
            ["operatorName"] = n.OperatorName,
        })
        .ToArray());

    public static JsonObject OrderDetail(KuaishouSimOrder order)
    {
        var detail = new JsonObject
        {
            ["orderBaseInfo"] = BaseInfo(order, withCarrier: true),
            ["orderItemInfo"] = ItemInfo(order.Item, order.DiscountFee, order.Gifts.Count > 0 ? GiftActivityMaster : null),
            ["subOrderInfo"] = new JsonArray(order.Gifts.Select(g => (JsonNode)SubOrder(order, g)).ToArray()),
            ["orderRefundList"] = order.RefundId is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["refundId"] = Number(order.RefundId), ["refundStatus"] = order.RefundStatus }),
            ["orderLogisticsInfo"] = new JsonArray(order.Parcels.Select(p => (JsonNode)new JsonObject
            {
                ["expressNo"] = p.ExpressNo,
                ["expressCode"] = p.ExpressCode,
                ["logisticsId"] = p.LogisticsId,
            }).ToArray()),
            ["orderNote"] = new JsonObject { ["orderNoteInfo"] = Notes(order.Notes) },
            ["orderAddress"] = Address(order.Receiver),
            ["orderCpsInfo"] = new JsonObject
            {
                ["distributorId"] = order.DistributorId is null ? 0 : Number(order.DistributorId),
                ["distributorName"] = order.DistributorName ?? "",
            },
        };
        return detail;
    }

    /// <summary>One <c>orderList</c> entry of <c>open.order.cursor.list</c>; the list's base info has no carrier fields.</summary>
    public static JsonObject ListEntry(KuaishouSimOrder order) => new()
    {
        ["orderBaseInfo"] = BaseInfo(order, withCarrier: false),
        ["orderItemInfo"] = ItemInfo(order.Item, order.DiscountFee, order.Gifts.Count > 0 ? GiftActivityMaster : null),
        ["orderAddress"] = Address(order.Receiver),
    };

    private static JsonObject BaseInfo(KuaishouSimOrder order, bool withCarrier)
    {
        var info = new JsonObject
        {
            ["oid"] = Number(order.Oid),
            ["status"] = order.Status,
            ["createTime"] = order.CreateTime,
            ["payTime"] = order.PayTime,
            ["updateTime"] = order.UpdateTime,
            ["sendTime"] = 0,
            ["recvTime"] = 0,
            ["refundTime"] = 0,
            ["buyerOpenId"] = order.BuyerOpenId,
            ["buyerNick"] = "",
            ["buyerImage"] = "",
            ["sellerOpenId"] = order.SellerOpenId,
            ["sellerNick"] = "",
            ["totalFee"] = order.TotalFee,
            ["discountFee"] = order.DiscountFee,
            ["expressFee"] = order.ExpressFee,
            ["payType"] = 1,
            ["payChannel"] = "微信",
            ["remark"] = "",
            ["riskCode"] = 0,
            ["preSale"] = 0,
            ["cpsType"] = order.CpsType,
            ["orderLabels"] = new JsonArray(),
            ["disableDeliveryReasonCode"] = new JsonArray(),
            ["validPromiseShipmentTimeStamp"] = order.PayTime + (48L * 3600 * 1000),
            ["orderSellerRoleInfo"] = new JsonObject
            {
                ["roleType"] = order.SellerRoleType,
                ["roleId"] = Number(order.SellerRoleId),
                ["roleName"] = order.SellerRoleName,
            },
        };
        if (withCarrier)
        {
            info["carrierType"] = order.CarrierType;
            info["carrierId"] = Number(order.CarrierId);
        }

        return info;
    }

    private static JsonObject ItemInfo(KuaishouSimItem item, long discountFee, int? activityType)
    {
        var unitAfterDiscount = item.Num == 0 ? item.OriginalPrice : item.OriginalPrice - (discountFee / item.Num);
        return new JsonObject
        {
            ["skuId"] = Number(item.SkuId),
            ["relSkuId"] = 0,
            ["skuDesc"] = "默认",
            ["skuNick"] = item.SkuNick,
            ["itemId"] = Number(item.ItemId),
            ["relItemId"] = 0,
            ["itemTitle"] = item.Title,
            ["itemPicUrl"] = "",
            ["num"] = item.Num,
            ["originalPrice"] = item.OriginalPrice,
            ["discountFee"] = discountFee,
            ["price"] = unitAfterDiscount,
            ["goodsCode"] = "",
            ["warehouseCode"] = "",
            ["itemType"] = 1,
            ["allActivityType"] = activityType is { } t ? new JsonArray(t) : new JsonArray(),
        };
    }

    private static JsonObject SubOrder(KuaishouSimOrder order, KuaishouSimGift gift) => new()
    {
        ["subOrderBaseInfo"] = new JsonObject
        {
            ["oid"] = Number(gift.Oid),
            ["status"] = order.Status,
            ["sendTime"] = 0,
            ["updateTime"] = order.UpdateTime,
            ["recvTime"] = 0,
        },
        ["subOrderItemInfo"] = ItemInfo(gift.Item, 0, GiftActivityGift),
        ["subOrderLogisticsInfo"] = new JsonArray(),
        ["subOrderType"] = 2,
    };

    private static JsonObject Address(KuaishouSimReceiver r) => new()
    {
        ["encryptedConsignee"] = r.EncryptedConsignee,
        ["desensitiseConsignee"] = r.DesensitiseConsignee,
        ["encryptedMobile"] = r.EncryptedMobile,
        ["desensitiseMobile"] = r.DesensitiseMobile,
        ["encryptedAddress"] = r.EncryptedAddress,
        ["desensitiseAddress"] = r.DesensitiseAddress,
        ["province"] = r.Province,
        ["provinceCode"] = 0,
        ["city"] = r.City,
        ["cityCode"] = 0,
        ["district"] = r.District,
        ["districtCode"] = 0,
        ["town"] = r.Town,
        ["townCode"] = 0,
    };

    /// <summary>Ids go out as JSON numbers, as the platform sends them; parsed as long so no digit is lost.</summary>
    private static long Number(string id) => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture);
}
