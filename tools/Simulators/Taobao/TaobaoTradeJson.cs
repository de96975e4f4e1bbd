using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// Renders a simulated trade with TOP's field names and types: ids as int64 numbers with <c>*_str</c> twins, money as yuan
/// strings, Beijing times, lines wrapped as <c>orders.order[]</c>. Only the fields the caller asked for in <c>fields</c>
/// are returned; <c>orders</c> means every sub-order field, <c>orders.x</c> just that one.
/// </summary>
public static class TaobaoTradeJson
{
    public static JsonObject Trade(TaobaoSimOrder order, IReadOnlySet<string>? fields = null)
    {
        var r = order.Receiver;
        var trade = new JsonObject
        {
            ["tid"] = Number(order.Tid),
            ["tid_str"] = order.Tid,
            ["status"] = order.Status,
            ["type"] = "fixed",
            ["seller_nick"] = order.SellerNick,
            ["buyer_open_uid"] = order.BuyerOpenUid,
            ["created"] = TaobaoSimTime.ToText(order.Created),
            ["pay_time"] = order.PayTime is { } paid ? TaobaoSimTime.ToText(paid) : null,
            ["modified"] = TaobaoSimTime.ToText(order.Modified),
            ["consign_time"] = order.ConsignTime is { } consigned ? TaobaoSimTime.ToText(consigned) : null,
            ["end_time"] = order.EndTime is { } ended ? TaobaoSimTime.ToText(ended) : null,
            ["payment"] = Yuan(order.Payment),
            ["total_fee"] = Yuan(order.TotalFee),
            ["post_fee"] = Yuan(order.PostFee),
            ["discount_fee"] = Yuan(order.CouponFee),
            ["platform_subsidy_fee"] = Yuan(order.PlatformSubsidyFee),
            ["adjust_fee"] = Yuan(0),
            ["received_payment"] = Yuan(order.Status == TaobaoSimStatus.TradeFinished ? order.Payment : 0),
            ["trade_from"] = order.TradeFrom,
            ["shipping_type"] = "express",
            ["receiver_name"] = r.Name,
            ["receiver_mobile"] = r.Mobile,
            ["receiver_state"] = r.State,
            ["receiver_city"] = r.City,
            ["receiver_district"] = r.District,
            ["receiver_town"] = r.Town,
            ["receiver_address"] = r.Address,
            ["seller_memo"] = string.IsNullOrEmpty(order.SellerMemo) ? null : order.SellerMemo,
            ["seller_flag"] = order.SellerFlag,
            ["orders"] = new JsonObject
            {
                ["order"] = new JsonArray(order.Lines.Select(l => (JsonNode)Line(order, l)).ToArray()),
            },
        };
        foreach (var empty in trade.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            trade.Remove(empty);
        }

        return fields is null ? trade : Select(trade, fields);
    }

    public static IReadOnlySet<string> ParseFields(string? fields) =>
        (fields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    private static JsonObject Line(TaobaoSimOrder order, TaobaoSimLine line)
    {
        var json = new JsonObject
        {
            ["oid"] = Number(line.Oid),
            ["oid_str"] = line.Oid,
            ["num_iid"] = Number(line.NumIid),
            ["sku_id"] = line.SkuId,
            ["outer_iid"] = line.OuterIid,
            ["outer_sku_id"] = line.OuterSkuId,
            ["title"] = line.Title,
            ["num"] = line.Num,
            ["price"] = Yuan(line.Price),
            ["total_fee"] = Yuan(line.LinePayment),

            // TOP: on a single-line trade the line's payment equals the trade's, freight included.
            ["payment"] = Yuan(order.Lines.Count == 1 ? order.Payment : line.LinePayment),
            ["discount_fee"] = Yuan(line.DiscountFee),
            ["adjust_fee"] = Yuan(0),
            ["divide_order_fee"] = Yuan(line.DivideOrderFee),
            ["part_mjz_discount"] = Yuan(line.LinePayment - line.DivideOrderFee),
            ["status"] = order.Status,
            ["refund_status"] = line.RefundStatus,
            ["order_from"] = line.OrderFrom,
            ["is_free_gift"] = line.IsFreeGift,
            ["seller_type"] = "C",
            ["invoice_no"] = line.InvoiceNo,
            ["logistics_company"] = line.LogisticsCompany,
        };
        if (line.GiftMids is not null)
        {
            json["gift_mids"] = line.GiftMids;
            json["has_gift"] = !line.IsFreeGift;
        }

        return json;
    }

    private static JsonObject Select(JsonObject trade, IReadOnlySet<string> fields)
    {
        var lineFields = fields
            .Where(f => f.StartsWith("orders.", StringComparison.Ordinal))
            .Select(f => f["orders.".Length..])
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in trade.Select(p => p.Key).ToList())
        {
            if (name == "orders" && !fields.Contains("orders") && lineFields.Count > 0)
            {
                foreach (var line in trade["orders"]!["order"]!.AsArray().Select(l => l!.AsObject()))
                {
                    foreach (var lineName in line.Select(p => p.Key).Where(n => !lineFields.Contains(n)).ToList())
                    {
                        line.Remove(lineName);
                    }
                }
            }
            else if (!fields.Contains(name))
            {
                trade.Remove(name);
            }
        }

        return trade;
    }

    private static JsonNode Number(string id) => JsonValue.Create(long.Parse(id, CultureInfo.InvariantCulture));

    private static string Yuan(long fen) => TaobaoSimMoney.ToYuan(fen);
}
