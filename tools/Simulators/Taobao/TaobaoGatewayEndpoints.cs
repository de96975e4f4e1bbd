using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServerlessSync.Domain.Platforms.Taobao;

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
            return TaobaoTopAnswers.Error(TaobaoApiError.AppCallLimited, "App Call Limited",
                "accesscontrol.limited-by-api-access-count", "This ban will last for 1 more seconds");
        }

        return parameters["method"] switch
        {
            TaobaoMethods.TradeFullInfoGet => TaobaoTradeApis.FullInfo(parameters, store, options),
            TaobaoMethods.TradeMemoAdd => TaobaoMemoApis.Add(parameters, store, options),
            TaobaoMethods.TradeMemoUpdate => TaobaoMemoApis.Update(parameters, store, options),
            TaobaoMethods.LogisticsOfflineSend => TaobaoDeliveryApi.OfflineSend(parameters, store, options),
            TaobaoMethods.ItemQuantityUpdate => TaobaoItemQuantityApi.Update(parameters, stock, options, time),
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
            return TaobaoTopAnswers.Error(TaobaoApiError.MissingMethod, "Missing Method");
        }

        if (Get("app_key") is not { } appKey)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.MissingAppKey, "Missing App Key");
        }

        if (appKey != options.AppKey)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.InvalidAppKey, "Invalid App Key");
        }

        if (Get("sign") is not { } sign)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.MissingSignature, "Missing Signature");
        }

        if (Get("timestamp") is not { } timestamp)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.MissingTimestamp, "Missing Timestamp");
        }

        if (!TaobaoTime.IsFresh(timestamp, now, TimeSpan.FromSeconds(options.MaxTimestampSkewSeconds)))
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.InvalidTimestamp, "Invalid Timestamp", null,
                "时间戳格式应为yyyy-MM-dd HH:mm:ss（北京时间），且与服务器时间相差不能超过10分钟");
        }

        if (Get("v") is not { } version)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.MissingVersion, "Missing Version");
        }

        if (version != TaobaoTopRequest.ApiVersion)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.InvalidVersion, "Invalid Version");
        }

        // TOP also answers xml (its default); this simulator speaks json only and says so.
        if (Get("format") != TaobaoTopRequest.Format)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.InvalidFormat, "Invalid Format", null, "the simulator answers format=json only");
        }

        var signMethod = Get("sign_method") ?? TaobaoSimSignatures.Md5;
        if (!TaobaoSimSignatures.IsSignMethod(signMethod))
        {
            return TaobaoTopAnswers.InvalidArgument("sign_method", "sign_method must be md5 or hmac");
        }

        if (!TaobaoSimSignatures.Matches(p, options.AppSecret, signMethod, sign))
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.InvalidSignature, "Invalid Signature");
        }

        if (method is not (TaobaoMethods.TradeFullInfoGet or TaobaoMethods.TradesSoldIncrementGet or TaobaoMethods.TradeMemoAdd or TaobaoMethods.TradeMemoUpdate or TaobaoMethods.LogisticsOfflineSend or TaobaoMethods.ItemQuantityUpdate))
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.InvalidMethod, "Invalid Method");
        }

        if (Get("session") is not { } session)
        {
            return TaobaoTopAnswers.Error(TaobaoApiError.MissingSession, "Missing Session");
        }

        return session == options.SessionKey
            ? null
            : TaobaoTopAnswers.Error(TaobaoApiError.InvalidSession, "Invalid Session", "invalid-sessionkey", "SessionKey非法");
    }
}
