using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>
/// One shared access token: fetched on first use, renewed shortly before its 2 h expiry (the answer's <c>expire</c>)
/// and again when the gateway calls it invalid (310036). Concurrent callers share one fetch.
/// </summary>
internal sealed class YonBipTokenCache(
    YonBipTransport transport, IOptions<YonBipOptions> options, TimeProvider time, ILogger<YonBipTokenCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private YonBipToken? _current;

    public async Task<YonBipToken> GetAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _current);
        if (IsFresh(token))
        {
            return token!;
        }

        await _fetchGate.WaitAsync(cancellationToken);
        try
        {
            token = Volatile.Read(ref _current);
            if (!IsFresh(token))
            {
                token = await FetchAsync(cancellationToken);
                Volatile.Write(ref _current, token);
            }

            return token!;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>Forgets the token unless another caller already replaced it.</summary>
    public void Invalidate(YonBipToken stale) => Interlocked.CompareExchange(ref _current, null, stale);

    public void Dispose() => _fetchGate.Dispose();

    private bool IsFresh(YonBipToken? token) => token is not null && time.GetUtcNow() < token.RenewAt;

    private async Task<YonBipToken> FetchAsync(CancellationToken cancellationToken)
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
