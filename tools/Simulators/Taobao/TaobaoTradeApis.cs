using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>The two trade APIs behind the gateway, for the session's seller.</summary>
public static class TaobaoTradeApis
{
    public const int DefaultPageSize = 40;

    /// <summary><c>taobao.trade.fullinfo.get</c>: <c>tid</c> and <c>fields</c> required.</summary>
    public static IResult FullInfo(Dictionary<string, string> p, TaobaoOrderStore store, TaobaoSimulatorOptions options)
    {
        if (Get(p, "fields") is not { } fields)
        {
            return TaobaoTopAnswers.MissingArgument("fields");
        }

        if (Get(p, "tid") is not { } tid)
        {
            return TaobaoTopAnswers.MissingArgument("tid");
        }

        if (!tid.All(char.IsAsciiDigit) || tid.Length > 20)
        {
            return TaobaoTopAnswers.InvalidArgument("tid", "tid必须为数字");
        }

        // The sub_code for a trade that does not exist or belongs to another seller is a guess.
        if (store.Find(tid) is not { } order || order.SellerNick != options.SellerNick)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.RemoteServiceError, "Remote service error", "isv.trade-not-exist", "交易不存在");
        }

        return TaobaoTopAnswers.Ok(TaobaoSimMethods.TradeFullInfoGet, new JsonObject
        {
            ["trade"] = TaobaoTradeJson.Trade(order, TaobaoTradeJson.ParseFields(fields)),
        });
    }

    /// <summary>
    /// <c>taobao.trades.sold.increment.get</c>: the seller's trades modified within [start_modified, end_modified] (span at
    /// most one day), newest first, one page of page_size (1–100, default 40). With use_has_next=true the answer carries
    /// has_next instead of total_results.
    /// </summary>
    public static IResult SoldIncrement(Dictionary<string, string> p, TaobaoOrderStore store, TaobaoSimulatorOptions options, TaobaoCallLog log)
    {
        foreach (var required in new[] { "fields", "start_modified", "end_modified" })
        {
            if (Get(p, required) is null)
            {
                return TaobaoTopAnswers.MissingArgument(required);
            }
        }

        if (!TaobaoSimTime.TryParse(p["start_modified"], out var start))
        {
            return TaobaoTopAnswers.InvalidArgument("start_modified", "时间格式应为yyyy-MM-dd HH:mm:ss");
        }

        if (!TaobaoSimTime.TryParse(p["end_modified"], out var end))
        {
            return TaobaoTopAnswers.InvalidArgument("end_modified", "时间格式应为yyyy-MM-dd HH:mm:ss");
        }

        // The exact code TOP uses for a window over one day is not documented; 41 with this sub_code is a guess.
        if (end <= start || end - start > TaobaoSimMethods.MaxIncrementSpan)
        {
            return TaobaoTopAnswers.InvalidArgument("end_modified", "查询修改结束时间必须大于修改开始时间，且时间跨度不能大于一天");
        }

        var pageNo = Int(p, "page_no") ?? 1;
        var pageSize = Int(p, "page_size") ?? DefaultPageSize;
        if (pageSize is < 1 or > TaobaoSimMethods.MaxIncrementPageSize)
        {
            return TaobaoTopAnswers.InvalidArgument("page_size", "每页条数取值范围：1~100");
        }

        if (pageNo < 1)
        {
            return TaobaoTopAnswers.InvalidArgument("page_no", "页码取值范围：大于零的整数");
        }

        var window = store.Window(options.SellerNick, start, end);
        var page = window.Skip((int)Math.Min(int.MaxValue, (long)(pageNo - 1) * pageSize)).Take(pageSize).ToList();
        var fields = TaobaoTradeJson.ParseFields(p["fields"]);
        var body = new JsonObject();
        if (string.Equals(Get(p, "use_has_next"), "true", StringComparison.OrdinalIgnoreCase))
        {
            body["has_next"] = (long)pageNo * pageSize < window.Count;
        }
        else
        {
            body["total_results"] = window.Count;
        }

        if (page.Count > 0)
        {
            body["trades"] = new JsonObject
            {
                ["trade"] = new JsonArray(page.Select(o => (JsonNode)TaobaoTradeJson.Trade(o, fields)).ToArray()),
            };
        }

        log.Add(new TaobaoListCall(p["start_modified"], p["end_modified"], pageNo, pageSize, window.Count, page.Select(o => o.Tid).ToList()));
        foreach (var moving in window.Take(Math.Max(0, options.BumpPerListPage)))
        {
            store.Touch(moving.Tid);
        }

        return TaobaoTopAnswers.Ok(TaobaoSimMethods.TradesSoldIncrementGet, body);
    }

    private static string? Get(Dictionary<string, string> p, string name) =>
        p.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    private static int? Int(Dictionary<string, string> p, string name) =>
        Get(p, name) is { } text ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : -1 : null;
}
