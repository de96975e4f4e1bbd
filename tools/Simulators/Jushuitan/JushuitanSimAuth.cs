using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.Jushuitan.JushuitanSimAnswers;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// The public-parameter checks of every call: app_key, timestamp within the tolerance, the MD5 sign over all form
/// fields but sign (app_secret prefix, keys sorted), version 2, and (for business calls) a live access_token.
/// </summary>
public static class JushuitanSimAuth
{
    /// <summary>Null when the call may proceed, else the error answer's code and message.</summary>
    public static (int Code, string Message)? Check(JushuitanSimulatorState state, IFormCollection form, bool requireToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(form);
        var options = state.Options;
        if (form["app_key"] != options.AppKey)
        {
            return (AppKeyInvalid, "app_key 无效");
        }

        if (!long.TryParse(form["timestamp"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(state.Time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > options.TimestampToleranceSeconds)
        {
            return (TimestampInvalid, "timestamp 无效或与服务器时间相差超过10分钟");
        }

        var sign = form["sign"].ToString();
        var expected = Sign(form.Where(f => f.Key != "sign").Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())), options.AppSecret);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign)))
        {
            return (SignInvalid, "签名错误");
        }

        if (requireToken && form["version"] != "2")
        {
            return (BizInvalid, "version 必须为 2");
        }

        if (requireToken && !state.IsTokenValid(form["access_token"]))
        {
            state.Metrics.Count(SimCounter.SessionRejections);
            return (AccessTokenInvalid, "access_token 无效或已过期");
        }

        return null;
    }

    /// <summary>md5_hex_lower(app_secret + key1 + value1 + key2 + value2 ...) with keys in ordinal order.</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string appSecret)
    {
        var text = new StringBuilder(appSecret);
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append(value);
        }

        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
