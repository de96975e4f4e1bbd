using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// <c>POST /channels/ec/order/delivery/send</c> (loop.md §2.3): <c>order_id</c> and <c>delivery_list[]</c> {<c>delivery_id</c>
/// (a carrier id from the documented list), <c>waybill_id</c>, <c>deliver_type</c> 1 自寄快递 (3 虚拟发货 is refused: the
/// simulated goods are physical), <c>product_infos[]</c> {<c>product_id</c>, <c>sku_id</c>, <c>product_cnt</c>} for part of
/// the order}. 40097 for bad arguments; an order shipped in full gets 109001 已经发货 and too many units 109000 发货失败 (codes
/// documented for the older mini-shop API: whether channels uses them is not known). The parcel then shows in
/// <c>delivery_info.delivery_product_info</c>.
/// </summary>
public static class WeChatDeliveryEndpoint
{
    public const string Path = "/channels/ec/order/delivery/send";

    /// <summary>Carrier ids from <c>deliverycompanylist/new/get</c> (loop.md §2.3, excerpt).</summary>
    public static readonly IReadOnlyDictionary<string, string> Companies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ZTO"] = "中通快递", ["YTO"] = "圆通速递", ["YUNDA"] = "韵达快递", ["JTSD"] = "极兔速递", ["STO"] = "申通快递", ["SF"] = "顺丰速运",
        ["JD"] = "京东物流", ["EMS"] = "中国邮政", ["CNSD"] = "菜鸟速递", ["DBKD"] = "德邦快递", ["OTHER"] = "其他",
    };

    public static async Task<IResult> DeliverySendAsync(HttpContext http, WeChatOrderStore store, WeChatSimulatorOptions options, WeChatSimTokens tokens, WeChatSimulatorFaults faults)
    {
        var (refusal, body) = await WeChatApiEndpoints.AdmitAsync(http, options, tokens, faults);
        if (refusal is not null)
        {
            return refusal;
        }

        if (Text(body!, "order_id") is not { } orderId || body!["delivery_list"] is not JsonArray { Count: > 0 } parcels)
        {
            return Invalid("order_id and delivery_list are required");
        }

        if (store.Find(orderId) is null)
        {
            return WeChatSimAnswers.Error(WeChatSimAnswers.OrderNotFound, "order not exist");
        }

        foreach (var parcel in parcels)
        {
            if (parcel is not JsonObject p || Text(p, "delivery_id") is not { } deliveryId || Text(p, "waybill_id") is not { } waybillId)
            {
                return Invalid("delivery_id and waybill_id are required");
            }

            if (!Companies.ContainsKey(deliveryId))
            {
                return Invalid($"delivery_id {deliveryId} not exist");
            }

            if (p["deliver_type"]?.GetValueKind() != JsonValueKind.Number || p["deliver_type"]!.GetValue<int>() != 1)
            {
                return Invalid("deliver_type不正确，使用虚拟发货请检查商品deliver_method是否符合要求");
            }

            List<WeChatSimParcelItem?>? items = (p["product_infos"] as JsonArray)?.Select(i => i is JsonObject o && Text(o, "product_id") is { } product && Text(o, "sku_id") is { } sku
                && o["product_cnt"]?.GetValueKind() == JsonValueKind.Number ? new WeChatSimParcelItem(product, sku, o["product_cnt"]!.GetValue<int>()) : null).ToList();
            if (items is not null && (items.Count == 0 || items.Any(i => i is null)))
            {
                return Invalid("product_infos need product_id, sku_id and product_cnt");
            }

            var (_, why) = store.Ship(orderId, deliveryId, waybillId, items?.Select(i => i!).ToList());
            if (why is not null)
            {
                return WeChatSimAnswers.Error(why == "已经发货" ? WeChatSimAnswers.AlreadyShipped : WeChatSimAnswers.DeliveryFailed, why);
            }
        }

        return WeChatSimAnswers.Ok(new JsonObject());
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { Length: > 0 } text ? text : null;

    private static IResult Invalid(string message) => WeChatSimAnswers.Error(WeChatSimAnswers.InvalidArgs, "invalid args: " + message);
}
