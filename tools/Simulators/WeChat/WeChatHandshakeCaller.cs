using System.Globalization;
using System.Security.Cryptography;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>The outcome of a URL verification: verified when the webhook answered 200 with the echostr verbatim.</summary>
public sealed record WeChatHandshakeOutcome(bool Verified, int StatusCode, string EchoStr, string? Body, string? Error);

/// <summary>
/// URL verification as the back-office does it when the push URL is saved: GET with <c>signature, timestamp, nonce,
/// echostr</c> where <c>signature = SHA1(sort(Token, timestamp, nonce))</c>.
/// </summary>
public sealed class WeChatHandshakeCaller(HttpClient http, WeChatSimulatorOptions options, TimeProvider time)
{
    public async Task<WeChatHandshakeOutcome> VerifyAsync(Uri webhook, bool forged, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var echo = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture) +
            RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSimCrypto.Signature(forged ? "not-the-token" : options.Token, timestamp, nonce);
        var uri = WeChatPushSender.WithQuery(webhook, $"signature={signature}&timestamp={timestamp}&nonce={nonce}&echostr={echo}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WeChatPushSender.Timeout);
        try
        {
            using var response = await http.GetAsync(uri, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new WeChatHandshakeOutcome(response.IsSuccessStatusCode && body == echo, (int)response.StatusCode, echo, body, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return new WeChatHandshakeOutcome(false, 0, echo, null, ex.GetType().Name);
        }
    }
}
