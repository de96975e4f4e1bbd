using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>Renders a simulated order as the <c>order</c> object of <c>order/get</c>, with WeChat's field names and types.</summary>
public static class WeChatOrderJson
{
    public static JsonObject Order(WeChatSimOrder order, bool freeGiftAsNumber)
    {
        var a = order.Address;
        return new JsonObject
        {
            ["order_id"] = order.OrderId,
            ["status"] = order.Status,
            ["create_time"] = order.CreateTime,
            ["update_time"] = order.UpdateTime,
            ["openid"] = order.OpenId,
            ["unionid"] = "",
            ["is_present"] = false,
            ["order_detail"] = new JsonObject
            {
                ["product_infos"] = new JsonArray(order.Lines.Select(l => (JsonNode)Product(l, freeGiftAsNumber)).ToArray()),
                ["pay_info"] = new JsonObject
                {
                    ["prepay_id"] = "wx" + order.OrderId,
                    ["prepay_time"] = order.CreateTime,
                    ["pay_time"] = order.Status == WeChatSimStatus.PendingPayment ? 0 : order.PayTime,
                    ["transaction_id"] = order.Status == WeChatSimStatus.PendingPayment ? "" : "42" + order.OrderId,
                },
                ["price_info"] = new JsonObject
                {
                    ["product_price"] = order.ProductPrice,
                    ["order_price"] = order.OrderPrice,
                    ["freight"] = order.Freight,
                    ["discounted_price"] = order.DiscountedPrice,
                    ["is_discounted"] = order.DiscountedPrice > 0,
                    ["original_order_price"] = order.ProductPrice + order.Freight,
                    ["estimate_product_price"] = order.ProductPrice - order.DiscountedPrice,
                    ["change_down_price"] = 0,
                    ["change_freight"] = 0,
                    ["is_change_freight"] = false,
                    ["merchant_receieve_price"] = order.OrderPrice,
                    ["merchant_discounted_price"] = order.MerchantDiscountedPrice,
                    ["finder_discounted_price"] = 0,
                    ["cash_coupon_discounted_price"] = order.CashCouponDiscountedPrice,
                },
                ["delivery_info"] = new JsonObject
                {
                    ["address_info"] = new JsonObject
                    {
                        ["user_name"] = a.UserName,
                        ["postal_code"] = "",
                        ["province_name"] = a.Province,
                        ["city_name"] = a.City,
                        ["county_name"] = a.County,
                        ["detail_info"] = a.DetailInfo,
                        ["national_code"] = "",
                        ["tel_number"] = a.TelNumber,
                        ["house_number"] = "",
                    },
                    ["delivery_product_info"] = new JsonArray(order.Parcels.Select(p => (JsonNode?)new JsonObject
                    {
                        ["waybill_id"] = p.WaybillId,
                        ["delivery_id"] = p.DeliveryId,
                        ["delivery_name"] = WeChatDeliveryEndpoint.Companies.GetValueOrDefault(p.DeliveryId, p.DeliveryId),
                        ["delivery_time"] = p.DeliveryTime,
                        ["deliver_type"] = 1,
                        ["product_infos"] = new JsonArray(p.Items.Select(i => (JsonNode?)new JsonObject { ["product_id"] = i.ProductId, ["sku_id"] = i.SkuId, ["product_cnt"] = i.Count }).ToArray()),
                    }).ToArray()),
                    ["ship_done_time"] = order.Status == WeChatSimStatus.Shipped ? order.Parcels[^1].DeliveryTime : 0,
                    ["deliver_method"] = 0,
                },
                ["ext_info"] = new JsonObject
                {
                    ["customer_notes"] = "",
                    ["merchant_notes"] = order.MerchantNotes,
                    ["finder_id"] = order.FinderId,
                    ["live_id"] = order.LiveId,
                    ["order_scene"] = order.OrderScene,
                },
                ["source_infos"] = new JsonArray(order.Lines
                    .Where(l => !l.IsFreeGift)
                    .Select(l => (JsonNode)new JsonObject
                    {
                        ["sku_id"] = l.SkuId,
                        ["account_type"] = 1,
                        ["account_id"] = order.FinderId,
                        ["sale_channel"] = 0,
                        ["account_nickname"] = order.FinderNickname,
                    })
                    .ToArray()),
            },
            ["aftersale_detail"] = new JsonObject
            {
                ["on_aftersale_order_cnt"] = 0,
                ["aftersale_order_list"] = order.AfterSaleOrderId is null
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["aftersale_order_id"] = order.AfterSaleOrderId, ["status"] = "MERCHANT_REFUND_SUCCESS" }),
            },
        };
    }

    private static JsonObject Product(WeChatSimLine line, bool freeGiftAsNumber)
    {
        var json = new JsonObject
        {
            ["product_id"] = line.ProductId,
            ["sku_id"] = line.SkuId,
            ["thumb_img"] = "",
            ["sku_cnt"] = line.SkuCnt,
            ["sale_price"] = line.SalePrice,
            ["title"] = line.Title,
            ["on_aftersale_sku_cnt"] = 0,
            ["finish_aftersale_sku_cnt"] = 0,
            ["sku_code"] = line.SkuCode,
            ["market_price"] = line.SalePrice,
            ["sku_attrs"] = new JsonArray(),
            ["real_price"] = line.RealPrice,
            ["out_product_id"] = "",
            ["out_sku_id"] = "",
            ["is_discounted"] = line.Discount + line.PlatformCoupon > 0,
            ["estimate_price"] = line.RealPrice,
            ["is_change_price"] = false,
            ["change_price"] = 0,
            ["merchant_discounted_price"] = line.Discount,
            ["finder_discounted_price"] = 0,
            ["is_free_gift"] = freeGiftAsNumber ? JsonValue.Create(line.IsFreeGift ? 1 : 0) : JsonValue.Create(line.IsFreeGift),
        };
        if (line.MainSkuId is not null)
        {
            json["free_gift_info"] = new JsonObject
            {
                ["main_product_list"] = new JsonArray(new JsonObject { ["sku_id"] = line.MainSkuId, ["gift_cnt"] = line.SkuCnt }),
            };
        }

        return json;
    }
}
