using System.Globalization;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.Jushuitan.JushuitanSimAnswers;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// orders/upload: <c>biz</c> is an array and every element gets its own result <c>{o_id, so_id, issuccess, msg}</c>.
/// so_id is unique per shop: an element for a so_id the shop holds updates the one updatable field (shop_status)
/// when it differs, and is otherwise refused "订单已存在" with the existing o_id.
/// </summary>
public static class JushuitanSimUpload
{
    public const int MaxSoIdLength = 41;

    private static readonly string[] ShopStatuses =
    [
        "WAIT_BUYER_PAY", "WAIT_SELLER_SEND_GOODS", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_FINISHED", "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO",
    ];

    public sealed record Outcome(JsonNode Answer, int Created);

    public static Outcome Upload(JushuitanSimulatorState state, JsonNode? biz)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (biz is not JsonArray orders || orders.Count == 0)
        {
            return new Outcome(Error(BizInvalid, "biz 必须是非空的订单数组"), 0);
        }

        var results = new JsonArray();
        var created = 0;
        foreach (var element in orders)
        {
            var (result, isNew) = One(state, element as JsonObject);
            results.Add(result);
            created += isNew ? 1 : 0;
        }

        return new Outcome(Ok(new JsonObject { ["datas"] = results }), created);
    }

    private static (JsonObject Result, bool Created) One(JushuitanSimulatorState state, JsonObject? order)
    {
        var soId = JushuitanSimJson.Text(order, "so_id") ?? "";
        var shopId = JushuitanSimJson.Text(order, "shop_id") ?? "";
        if (order is null || soId.Length is 0 or > MaxSoIdLength)
        {
            return (Item(0, soId, false, $"线上单号 so_id 不能为空且不能超过{MaxSoIdLength}个字符"), false);
        }

        if (shopId != state.Options.ShopId)
        {
            return (Item(0, soId, false, $"店铺[{shopId}]不存在"), false);
        }

        var shopStatus = JushuitanSimJson.Text(order, "shop_status") ?? "";
        if (!ShopStatuses.Contains(shopStatus))
        {
            return (Item(0, soId, false, $"shop_status [{shopStatus}] 不合法"), false);
        }

        var now = state.Time.GetUtcNow();
        var existing = state.Store.Find(shopId, soId);
        if (existing is not null)
        {
            if (existing.ShopStatus == shopStatus)
            {
                return (Item(existing.OId, soId, false, AlreadyExists), false);
            }

            state.Store.UpdateShopStatus(existing.OId, shopStatus, now);
            return (Item(existing.OId, soId, true, "订单状态已更新"), false);
        }

        var (draft, error) = Read(order, soId, shopId, shopStatus, state, now);
        if (draft is null)
        {
            return (Item(0, soId, false, error!), false);
        }

        if (state.Roll(state.Options.BusinessRejectRate))
        {
            state.Metrics.Count(SimCounter.BusinessRejects);
            return (Item(0, soId, false, "订单被策略拦截，不允许上传（模拟业务拒绝）"), false);
        }

        var stored = state.Store.Add(draft);
        return stored is null
            ? (Item(state.Store.Find(shopId, soId)?.OId ?? 0, soId, false, AlreadyExists), false)
            : (Item(stored.OId, soId, true, ""), true);
    }

    private static (JushuitanSimOrder? Draft, string? Error) Read(
        JsonObject order, string soId, string shopId, string shopStatus, JushuitanSimulatorState state, DateTimeOffset now)
    {
        var orderDate = JushuitanSimJson.Text(order, "order_date");
        if (!DateTime.TryParseExact(orderDate, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (null, "order_date 格式应为 yyyy-MM-dd HH:mm:ss");
        }

        if (order["items"] is not JsonArray items || items.Count == 0)
        {
            return (null, "items 不能为空");
        }

        var lines = new List<JushuitanSimItem>();
        foreach (var node in items)
        {
            var item = node as JsonObject;
            var sku = JushuitanSimJson.Text(item, "sku_id") ?? "";
            var qty = JushuitanSimJson.Decimal(item, "qty") ?? 0m;
            var amount = JushuitanSimJson.Decimal(item, "amount") ?? -1m;
            var outerOiId = JushuitanSimJson.Text(item, "outer_oi_id") ?? "";
            if (!state.Store.SkuExists(sku))
            {
                return (null, $"商品编码[{sku}]不存在");
            }

            if (qty <= 0 || amount < 0)
            {
                return (null, $"商品[{sku}]数量或金额不合法");
            }

            if (outerOiId.Length == 0 || lines.Any(l => l.OuterOiId == outerOiId))
            {
                return (null, $"outer_oi_id [{outerOiId}] 为空或在订单内重复");
            }

            lines.Add(new JushuitanSimItem(
                sku,
                JushuitanSimJson.Text(item, "shop_sku_id") ?? "",
                qty,
                amount,
                JushuitanSimJson.Decimal(item, "price") ?? 0m,
                JushuitanSimJson.Decimal(item, "base_price") ?? 0m,
                JushuitanSimJson.Text(item, "name") ?? "",
                outerOiId,
                JushuitanSimJson.Flag(item, "is_gift")));
        }

        var payAmount = JushuitanSimJson.Decimal(order, "pay_amount") ?? -1m;
        var freight = JushuitanSimJson.Decimal(order, "freight") ?? 0m;
        if (payAmount != lines.Sum(l => l.Amount) + freight)
        {
            return (null, $"应付金额 pay_amount {payAmount} 与商品金额合计加运费 {lines.Sum(l => l.Amount) + freight} 不一致");
        }

        var paid = JushuitanSimJson.Decimal(order["pay"] as JsonObject, "amount") ?? 0m;
        return (new JushuitanSimOrder
        {
            OId = 0,
            SoId = soId,
            ShopId = shopId,
            Status = paid == payAmount ? "WaitConfirm" : "WaitPay",
            ShopStatus = shopStatus,
            OrderDate = orderDate!,
            PayAmount = payAmount,
            Freight = freight,
            PaidAmount = paid,
            ShopBuyerId = JushuitanSimJson.Text(order, "shop_buyer_id") ?? "",
            Remark = JushuitanSimJson.Text(order, "remark") ?? "",
            Items = lines,
            Modified = now,
        }, null);
    }

    private static JsonObject Item(long oId, string soId, bool success, string msg) => new()
    {
        ["o_id"] = oId,
        ["so_id"] = soId,
        ["issuccess"] = success,
        ["msg"] = msg,
    };
}
