using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>
/// The TOP gateway <c>/router/rest</c> (GET or POST): checks the system parameters, app key, timestamp freshness, the
/// md5 or hmac signature and the session, then dispatches on <c>method</c>. Every answer, errors included, is HTTP 200
/// JSON as TOP sends it; only the injected failure answers HTTP 500.
/// </summary>
public static class TaobaoGatewayEndpoints
{
    public const string GatewayPath = "/router/rest";

    public static RouteGroupBuilder MapTaobaoGateway(this RouteGroupBuilder group)
    {
        group.MapMethods(GatewayPath, [HttpMethods.Get, HttpMethods.Post], HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http, TaobaoOrderStore store, TaobaoSimStock stock, TaobaoSimulatorOptions options, TaobaoSimulatorFaults faults, TaobaoCallLog log, TimeProvider time)
    {
        if (await faults.DelayOrFailAsync(http) is { } failed)
        {
            return failed;
        }

        var parameters = await TaobaoTopParameters.ReadAsync(http.Request);
        if (parameters is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (Check(parameters, options, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        if (faults.NextThrottled())
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.AppCallLimited, "App Call Limited",
                "accesscontrol.limited-by-api-access-count", "This ban will last for 1 more seconds");
        }

        return parameters["method"] switch
        {
            TaobaoSimMethods.TradeFullInfoGet => TaobaoTradeApis.FullInfo(parameters, store, options),
            TaobaoSimMethods.TradeMemoAdd => TaobaoMemoApis.Add(parameters, store, options),
            TaobaoSimMethods.TradeMemoUpdate => TaobaoMemoApis.Update(parameters, store, options),
            TaobaoSimMethods.LogisticsOfflineSend => TaobaoDeliveryApi.OfflineSend(parameters, store, options),
            TaobaoSimMethods.ItemQuantityUpdate => TaobaoItemQuantityApi.Update(parameters, stock, options, time),
            _ => TaobaoTradeApis.SoldIncrement(parameters, store, options, log),
        };
    }

    /// <summary>
    /// The gateway's own checks, in a plausible order (the order TOP applies them in is not documented). Codes and
    /// messages follow TOP's published gateway error table; which sub_codes the gateway adds is a guess.
    /// </summary>
    private static IResult? Check(Dictionary<string, string> p, TaobaoSimulatorOptions options, DateTimeOffset now)
    {
        string? Get(string name) => p.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v) ? v : null;

        if (Get("method") is not { } method)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.MissingMethod, "Missing Method");
        }

        if (Get("app_key") is not { } appKey)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.MissingAppKey, "Missing App Key");
        }

        if (appKey != options.AppKey)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidAppKey, "Invalid App Key");
        }

        if (Get("sign") is not { } sign)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.MissingSignature, "Missing Signature");
        }

        if (Get("timestamp") is not { } timestamp)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.MissingTimestamp, "Missing Timestamp");
        }

        if (!TaobaoSimTime.IsFresh(timestamp, now, TimeSpan.FromSeconds(options.MaxTimestampSkewSeconds)))
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidTimestamp, "Invalid Timestamp", null,
                "时间戳格式应为yyyy-MM-dd HH:mm:ss（北京时间），且与服务器时间相差不能超过10分钟");
        }

        if (Get("v") is not { } version)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.MissingVersion, "Missing Version");
        }

        if (version != TaobaoSimMethods.ApiVersion)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidVersion, "Invalid Version");
        }

        // TOP also answers xml (its default); this simulator speaks json only and says so.
        if (Get("format") != TaobaoSimMethods.Format)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidFormat, "Invalid Format", null, "the simulator answers format=json only");
        }

        var signMethod = Get("sign_method") ?? TaobaoSimSignatures.Md5;
        if (!TaobaoSimSignatures.IsSignMethod(signMethod))
        {
            return TaobaoTopAnswers.InvalidArgument("sign_method", "sign_method must be md5 or hmac");
        }

        if (!TaobaoSimSignatures.Matches(p, options.AppSecret, signMethod, sign))
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidSignature, "Invalid Signature");
        }

        if (method is not (TaobaoSimMethods.TradeFullInfoGet or TaobaoSimMethods.TradesSoldIncrementGet or TaobaoSimMethods.TradeMemoAdd or TaobaoSimMethods.TradeMemoUpdate or TaobaoSimMethods.LogisticsOfflineSend or TaobaoSimMethods.ItemQuantityUpdate))
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidMethod, "Invalid Method");
        }

        if (Get("session") is not { } session)
        {
            return TaobaoTopAnswers.Error(TaobaoSimApiError.MissingSession, "Missing Session");
        }

        return session == options.SessionKey
            ? null
            : TaobaoTopAnswers.Error(TaobaoSimApiError.InvalidSession, "Invalid Session", "invalid-sessionkey", "SessionKey非法");
    }
}
