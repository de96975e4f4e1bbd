using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// <c>taobao.trade.memo.add</c> and <c>taobao.trade.memo.update</c> (loop.md §1, TB <c>TaobaoTradeMemoAddAPIRequest.go</c>,
/// <c>TaobaoTradeMemoUpdateAPIRequest.go</c>) for the session's seller: <c>tid</c> required; memo at most 1000 bytes; flag
/// 0..5. memo.add needs a memo and refuses a trade it was already called on; memo.update replaces the memo with a non-empty
/// one, leaves it with an empty one, and clears it with <c>reset=true</c>.
/// </summary>
/// <remarks>The error for a second memo.add is not documented; code 15 with sub_code <c>isv.trade-memo-exist</c> is the simulator's choice.</remarks>
public static class TaobaoMemoApis
{
    public const int MaxFlag = 5;
    public const string MemoExistsSubCode = "isv.trade-memo-exist";

    public static IResult Add(Dictionary<string, string> p, TaobaoOrderStore store, TaobaoSimulatorOptions options)
    {
        if (Check(p, store, options, memoRequired: true) is { } refused)
        {
            return refused;
        }

        var tid = p["tid"];
        if (store.Find(tid)!.MemoAdded)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.RemoteServiceError, "Remote service error", MemoExistsSubCode, "不能重复调用添加备注，请使用taobao.trade.memo.update");
        }

        var flag = Flag(p) ?? 0;
        var trade = store.SetMemo(tid, t => t with { SellerMemo = p["memo"], SellerFlag = flag, MemoAdded = true })!;
        return TaobaoTopAnswers.Ok(TaobaoSimMethods.TradeMemoAdd, new JsonObject { ["trade"] = Answer(trade, "created") });
    }

    public static IResult Update(Dictionary<string, string> p, TaobaoOrderStore store, TaobaoSimulatorOptions options)
    {
        if (Check(p, store, options, memoRequired: false) is { } refused)
        {
            return refused;
        }

        var reset = string.Equals(Get(p, "reset"), "true", StringComparison.OrdinalIgnoreCase);
        var memo = Get(p, "memo");
        var flag = Flag(p);
        var trade = store.SetMemo(p["tid"], t => t with
        {
            SellerMemo = reset ? null : memo ?? t.SellerMemo,
            SellerFlag = flag ?? t.SellerFlag,
        })!;
        return TaobaoTopAnswers.Ok(TaobaoSimMethods.TradeMemoUpdate, new JsonObject { ["trade"] = Answer(trade, "modified") });
    }

    private static IResult? Check(Dictionary<string, string> p, TaobaoOrderStore store, TaobaoSimulatorOptions options, bool memoRequired)
    {
        if (Get(p, "tid") is not { } tid)
        {
            return TaobaoTopAnswers.MissingArgument("tid");
        }

        if (!tid.All(char.IsAsciiDigit) || tid.Length > 20)
        {
            return TaobaoTopAnswers.InvalidArgument("tid", "tid必须为数字");
        }

        if (memoRequired && Get(p, "memo") is null)
        {
            return TaobaoTopAnswers.MissingArgument("memo");
        }

        if (Get(p, "memo") is { } memo && Encoding.UTF8.GetByteCount(memo) > TaobaoSimMethods.MaxMemoBytes)
        {
            return TaobaoTopAnswers.InvalidArgument("memo", $"备注长度不能超过{TaobaoSimMethods.MaxMemoBytes}字节");
        }

        if (Get(p, "flag") is not null && Flag(p) is null)
        {
            return TaobaoTopAnswers.InvalidArgument("flag", $"旗帜取值范围：0~{MaxFlag}");
        }

        // The same guess as trade.fullinfo.get for a trade that does not exist or belongs to another seller.
        return store.Find(tid) is { } order && order.SellerNick == options.SellerNick
            ? null
            : TaobaoTopAnswers.Error(TaobaoSimApiError.RemoteServiceError, "Remote service error", "isv.trade-not-exist", "交易不存在");
    }

    private static JsonObject Answer(TaobaoSimOrder trade, string timeField) => new()
    {
        ["tid"] = long.Parse(trade.Tid, CultureInfo.InvariantCulture),
        [timeField] = TaobaoSimTime.ToText(trade.Modified),
    };

    private static int? Flag(Dictionary<string, string> p) =>
        Get(p, "flag") is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var flag) && flag <= MaxFlag ? flag : null;

    private static string? Get(Dictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;
}
