using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>Renders a simulated order as <c>data.shop_order_detail</c> with 抖店's field names and types.</summary>
public static class DouyinOrderDetailJson
{
    public static JsonObject ShopOrderDetail(DouyinSimOrder order)
    {
        var r = order.Receiver;
        return new JsonObject
        {
            ["shop_id"] = long.Parse(order.ShopId, System.Globalization.CultureInfo.InvariantCulture),
            ["order_id"] = order.OrderId,
            ["order_level"] = 2,
            ["biz"] = 2,
            ["order_type"] = 0,
            ["trade_type"] = 0,
            ["order_status"] = order.OrderStatus,
            ["seller_words"] = order.SellerWords,
            ["seller_remark_stars"] = order.SellerRemarkStars,
            ["logistics_info"] = new JsonArray(order.Parcels.Select(p => (JsonNode?)new JsonObject
            {
                ["tracking_no"] = p.TrackingNo,
                ["company"] = p.CompanyCode,
                ["company_name"] = DouyinDeliveryEndpoints.CompanyName(p.CompanyCode),
                ["ship_time"] = p.ShipTime,
                ["delivery_id"] = p.DeliveryId,
                ["product_info"] = new JsonArray(p.Items.Select(i => (JsonNode?)new JsonObject { ["sku_order_id"] = i.SkuOrderId, ["product_count"] = i.Num }).ToArray()),
            }).ToArray()),
            ["order_status_desc"] = DouyinSimStatus.Describe(order.OrderStatus),
            ["main_status"] = order.MainStatus,
            ["main_status_desc"] = DouyinSimStatus.Describe(order.MainStatus),
            ["create_time"] = order.CreateTime,
            ["pay_time"] = order.PayTime,
            ["update_time"] = order.UpdateTime,
            ["finish_time"] = 0,
            ["b_type"] = order.BType,
            ["b_type_desc"] = order.BType == 2 ? "抖音" : "",
            ["sub_b_type"] = 1,
            ["c_biz"] = order.CBiz,
            ["c_biz_desc"] = order.CBiz == 2 ? "精选联盟" : "小店自卖",
            ["pay_type"] = 1,
            ["order_amount"] = order.OrderAmount,
            ["pay_amount"] = order.PayAmount,
            ["post_amount"] = order.PostAmount,
            ["promotion_amount"] = order.PromotionAmount,
            ["promotion_shop_amount"] = order.ShopCostAmount,
            ["promotion_platform_amount"] = order.PlatformCostAmount,
            ["promotion_talent_amount"] = 0,
            ["shop_cost_amount"] = order.ShopCostAmount,
            ["platform_cost_amount"] = order.PlatformCostAmount,
            ["only_platform_cost_amount"] = order.PlatformCostAmount,
            ["author_cost_amount"] = 0,
            ["doudian_open_id"] = order.DoudianOpenId,
            ["post_receiver"] = "",
            ["encrypt_post_receiver"] = r.EncryptName,
            ["post_tel"] = "",
            ["encrypt_post_tel"] = r.EncryptTel,
            ["post_addr"] = new JsonObject
            {
                ["province"] = Region(r.Province),
                ["city"] = Region(r.City),
                ["town"] = Region(r.Town),
                ["street"] = Region(r.Street),
                ["detail"] = "",
                ["encrypt_detail"] = r.EncryptDetail,
            },
            ["mask_post_receiver"] = r.MaskName,
            ["mask_post_tel"] = r.MaskTel,
            ["mask_post_addr"] = new JsonObject
            {
                ["province"] = Region(r.Province),
                ["city"] = Region(r.City),
                ["town"] = Region(r.Town),
                ["street"] = Region(r.Street),
                ["detail"] = r.MaskDetail,
            },
            ["sku_order_list"] = new JsonArray(order.Lines.Select(l => (JsonNode)Line(order, l)).ToArray()),
        };
    }

    private static JsonObject Line(DouyinSimOrder order, DouyinSimLine line)
    {
        var json = new JsonObject
        {
            ["order_id"] = line.OrderId,
            ["parent_order_id"] = line.ParentOrderId,
            ["order_level"] = 3,
            ["order_status"] = order.OrderStatus,
            ["main_status"] = order.MainStatus,
            ["product_id"] = long.Parse(line.ProductId, System.Globalization.CultureInfo.InvariantCulture),
            ["product_id_str"] = line.ProductId,
            ["product_name"] = line.ProductName,
            ["sku_id"] = long.Parse(line.SkuId, System.Globalization.CultureInfo.InvariantCulture),
            ["code"] = line.Code,
            ["out_sku_id"] = "",
            ["item_num"] = line.ItemNum,
            ["origin_amount"] = line.OriginAmount,
            ["sum_amount"] = line.SumAmount,
            ["order_amount"] = line.SumAmount,
            ["promotion_amount"] = line.PromotionAmount + line.PlatformPromotionAmount,
            ["promotion_shop_amount"] = line.PromotionAmount,
            ["promotion_platform_amount"] = line.PlatformPromotionAmount,
            ["pay_amount"] = line.PayAmount,
            ["given_product_type"] = line.GivenProductType ?? "",
            ["master_sku_order_id_list"] = new JsonArray(line.MasterSkuOrderIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
            ["author_id"] = line.AuthorId is null ? 0 : long.Parse(line.AuthorId, System.Globalization.CultureInfo.InvariantCulture),
            ["author_name"] = line.AuthorName ?? "",
            ["room_id"] = line.RoomId is null ? 0 : long.Parse(line.RoomId, System.Globalization.CultureInfo.InvariantCulture),
            ["room_id_str"] = line.RoomId ?? "",
            ["ad_env_type"] = line.RoomId is null ? "" : "live",
            ["b_type"] = order.BType,
            ["c_biz"] = order.CBiz,
            ["create_time"] = order.CreateTime,
            ["pay_time"] = order.PayTime,
            ["update_time"] = order.UpdateTime,
        };
        return json;
    }

    private static JsonObject Region(string name) => new() { ["name"] = name, ["id"] = "" };
}
