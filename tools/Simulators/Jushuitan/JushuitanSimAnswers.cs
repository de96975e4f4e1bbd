using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// The envelopes the simulator answers. 0 and 199/200 (throttled) are from the reference; the other codes are our
/// choice (the official error table is not public) and match the connector's.
/// </summary>
public static class JushuitanSimAnswers
{
    public const int Success = 0;
    public const int SignInvalid = 100;
    public const int AppKeyInvalid = 101;
    public const int TimestampInvalid = 102;
    public const int AccessTokenInvalid = 103;
    public const int BizInvalid = 130;
    public const int ThrottledFrequency = 199;
    public const int ThrottledConcurrency = 200;

    public const string AlreadyExists = "订单已存在";

    public static JsonObject Ok(JsonNode? data) => new() { ["code"] = Success, ["msg"] = "执行成功", ["data"] = data };

    public static JsonObject Error(int code, string msg) => new() { ["code"] = code, ["msg"] = msg, ["data"] = null };

    public static JsonObject Order(JushuitanSimOrder o) => new()
    {
        ["o_id"] = o.OId,
        ["so_id"] = o.SoId,
        ["shop_id"] = long.TryParse(o.ShopId, out var shop) ? shop : o.ShopId,
        ["status"] = o.Status,
        ["shop_status"] = o.ShopStatus,
        ["order_date"] = o.OrderDate,
        ["pay_amount"] = o.PayAmount,
        ["paid_amount"] = o.PaidAmount,
        ["freight"] = o.Freight,
        ["shop_buyer_id"] = o.ShopBuyerId,
        ["remark"] = o.Remark,
        ["modified"] = o.Modified.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        ["items"] = new JsonArray(o.Items.Select(i => (JsonNode?)new JsonObject
        {
            ["sku_id"] = i.SkuId,
            ["shop_sku_id"] = i.ShopSkuId,
            ["qty"] = i.Qty,
            ["amount"] = i.Amount,
            ["price"] = i.Price,
            ["base_price"] = i.BasePrice,
            ["name"] = i.Name,
            ["outer_oi_id"] = i.OuterOiId,
            ["is_gift"] = i.IsGift,
        }).ToArray()),
    };
}
