namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>Parses <c>trades_sold_increment_get_response</c>: <c>total_results</c> or <c>has_next</c>, and <c>trades.trade[]</c>.</summary>
public static class TaobaoIncrementParser
{
    public static readonly string ResponseName = TaobaoEnvelope.ResponseName(TaobaoMethods.TradesSoldIncrementGet);

    /// <exception cref="TaobaoResponseFormatException">Not the documented envelope, or a trade without tid or modified.</exception>
    public static TaobaoIncrementResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var body = TaobaoEnvelope.Open(document.RootElement, ResponseName, out var error);
            if (error is not null)
            {
                return TaobaoIncrementResult.Failure(error);
            }

            var trades = TaobaoJson.List(body!.Value, "trades", "trade")
                .Select(t => new TaobaoChangedTrade(
                    TaobaoJson.Id(t, "tid_str") ?? TaobaoJson.Id(t, "tid") ?? throw new TaobaoResponseFormatException("listed trade lacks tid"),
                    TaobaoJson.Time(t, "modified") ?? throw new TaobaoResponseFormatException("listed trade lacks modified"),
                    TaobaoJson.String(t, "status")))
                .ToList();
            return TaobaoIncrementResult.Success(new TaobaoIncrementPage(
                trades,
                PlatformJson.Long(body.Value, "total_results"),
                TaobaoJson.Bool(body.Value, "has_next")));
        }
        catch (JsonException ex)
        {
            throw new TaobaoResponseFormatException("response is not valid JSON", ex);
        }
    }
}
