using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.YonBip.YonBipSimAnswers;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// getAccessToken as the gateway checks it: the appKey must be known (else 10018) and the signature must be
/// Base64(HmacSHA256("appKey{appKey}timestamp{timestamp}", appSecret)), sent URL-encoded.
/// </summary>
public static class YonBipSimAuth
{
    public static JsonObject GetAccessToken(YonBipSimulatorState state, string? appKey, string? timestamp, string? signature)
    {
        ArgumentNullException.ThrowIfNull(state);
        var options = state.Options;
        if (appKey != options.AppKey)
        {
            return Error(AppKeyUnknown, "应用不存在或appKey已停用");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _) || string.IsNullOrEmpty(signature))
        {
            return Error(ParameterInvalid, "参数校验失败：timestamp 与 signature 必填");
        }

        var expected = Signature(appKey, timestamp!, options.AppSecret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            state.Metrics.Count(SimCounter.SessionRejections);
            return Error(SignatureInvalid, "签名校验失败");
        }

        var token = state.Tokens.Issue(state.Time.GetUtcNow());
        return Token(token, options.TokenLifetimeSeconds);
    }

    /// <summary>Base64 HMAC-SHA256 over the parameter names and values in name order (signature excluded).</summary>
    public static string Signature(string appKey, string timestamp, string appSecret)
    {
        var text = "appKey" + appKey + "timestamp" + timestamp;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>getGatewayAddress: this simulator is the gateway and token host for its one tenant.</summary>
    public static JsonObject GatewayAddress(YonBipSimulatorState state, string? tenantId, string selfUrl)
    {
        ArgumentNullException.ThrowIfNull(state);
        return tenantId == state.Options.TenantId
            ? new JsonObject
            {
                ["code"] = TokenSuccess,
                ["message"] = "成功！",
                ["data"] = new JsonObject { ["gatewayUrl"] = selfUrl, ["tokenUrl"] = selfUrl },
            }
            : Error("500", "根据租户id获取网关地址出现异常");
    }
}
