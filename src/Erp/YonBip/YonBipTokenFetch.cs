using ServerlessSync.Domain.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>
/// getAccessToken: the token the connector's <see cref="ErpCredentialCache{T}"/> holds until shortly before its 2 h
/// expiry (the answer's <c>expire</c>, less <see cref="YonBipOptions.TokenRefreshMargin"/>) or until the gateway calls it invalid (310036).
/// </summary>
internal sealed class YonBipTokenFetch(
    YonBipTransport transport, IOptions<YonBipOptions> options, TimeProvider time, ILogger<YonBipTokenFetch> logger)
{
    public async Task<YonBipToken> FetchAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var issuedAt = time.GetUtcNow();
        var query = YonBipTokenRequest.BuildQuery(o.AppKey, o.AppSecret, issuedAt.ToUnixTimeMilliseconds());
        var result = YonBipTokenResult.Parse(await transport.GetTokenAsync(query, cancellationToken));
        if (!result.IsSuccess)
        {
            var reason = string.IsNullOrEmpty(result.Message) ? $"code {result.Code}" : $"{result.Message} (code {result.Code})";
            YonBipLog.TokenRefused(logger, o.AppKey, reason);
            throw new ErpTransientException($"YonBIP access token refused: {reason}");
        }

        var lifetime = TimeSpan.FromSeconds(result.ExpireSeconds);
        var margin = TimeSpan.FromTicks(Math.Min(o.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
        YonBipLog.TokenObtained(logger, o.AppKey, result.ExpireSeconds);
        return new YonBipToken(result.AccessToken!, issuedAt + lifetime - margin);
    }
}
