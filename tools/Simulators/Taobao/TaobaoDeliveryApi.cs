using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// <c>taobao.logistics.offline.send</c> (loop.md §2.4, TB <c>TaobaoLogisticsOfflineSendAPIRequest.go</c>) for the session's
/// seller: <c>tid</c>, <c>out_sid</c> and <c>company_code</c> required; <c>sub_tid</c> (comma-separated sub-order oids) with
/// <c>is_split</c> 1 ships part of the trade. The company code must be one <c>taobao.logistics.companies.get</c> would list
/// (<see cref="Companies"/>). Answers <c>shipping.is_success</c>; the sub-orders then carry <c>invoice_no</c>.
/// </summary>
/// <remarks>The sub_code for an already-shipped trade is not documented (loop.md §2.4 U); <c>isv.logistics-offline-send-failed</c> is the simulator's choice.</remarks>
public static class TaobaoDeliveryApi
{
    public const string RefusedSubCode = "isv.logistics-offline-send-failed";

    public static readonly IReadOnlySet<string> Companies = new HashSet<string>(StringComparer.Ordinal) { "POST", "EMS", "ZJS", "SF", "ZTO", "YTO", "STO", "YUNDA", "JD", "JTSD" };

    public static IResult OfflineSend(Dictionary<string, string> p, TaobaoOrderStore store, TaobaoSimulatorOptions options)
    {
        foreach (var name in new[] { "tid", "out_sid", "company_code" })
        {
            if (Get(p, name) is null)
            {
                return TaobaoTopAnswers.MissingArgument(name);
            }
        }

        var tid = p["tid"];
        if (!tid.All(char.IsAsciiDigit) || tid.Length > 20)
        {
            return TaobaoTopAnswers.InvalidArgument("tid", "tid必须为数字");
        }

        if (!Companies.Contains(p["company_code"]))
        {
            return TaobaoTopAnswers.InvalidArgument("company_code", "物流公司编码不存在");
        }

        var split = Get(p, "is_split");
        var subTids = Get(p, "sub_tid")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (split is not (null or "0" or "1") || (split == "1") != (subTids is { Length: > 0 }))
        {
            return TaobaoTopAnswers.InvalidArgument("is_split", "拆单发货须同时传is_split=1和sub_tid");
        }

        if (store.Find(tid) is not { } trade || trade.SellerNick != options.SellerNick)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.RemoteServiceError, "Remote service error", "isv.trade-not-exist", "交易不存在");
        }

        var (_, why) = store.Ship(tid, p["company_code"], p["out_sid"], subTids);
        return why is not null
            ? TaobaoTopAnswers.Error(TaobaoSimApiError.RemoteServiceError, "Remote service error", RefusedSubCode, why)
            : TaobaoTopAnswers.Ok(TaobaoSimMethods.LogisticsOfflineSend, new JsonObject { ["shipping"] = new JsonObject { ["is_success"] = true } });
    }

    private static string? Get(Dictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
}
