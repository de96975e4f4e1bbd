using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>LoginBySign as the server checks it: <c>{"parameters":[acctId, userName, appId, timestamp, sign, lcid]}</c>.</summary>
public static class KingdeeSimLogin
{
    public enum Verdict
    {
        Accepted,

        /// <summary>Unknown data centre: the server answers a non-200 "Fail to verify thirty passport".</summary>
        UnknownAccount,

        /// <summary>Wrong user, app id or sign: LoginResultType 0 with the context-lost message.</summary>
        Refused,
    }

    public static Verdict Check(JsonNode? body, KingdeeSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (KingdeeSimJson.Get(body as JsonObject, "parameters") is not JsonArray p || p.Count < 5)
        {
            return Verdict.Refused;
        }

        var acctId = KingdeeSimJson.Text(p[0]);
        if (acctId != options.AcctId)
        {
            return Verdict.UnknownAccount;
        }

        var userName = KingdeeSimJson.Text(p[1]);
        var appId = KingdeeSimJson.Text(p[2]);
        var timestamp = KingdeeSimJson.Text(p[3]);
        var sign = KingdeeSimJson.Text(p[4]);
        if (userName != options.UserName || appId != options.AppId || timestamp is null || sign is null)
        {
            return Verdict.Refused;
        }

        var expected = Sign(acctId, userName, appId, options.AppSecret, timestamp);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(sign.ToLowerInvariant()))
            ? Verdict.Accepted
            : Verdict.Refused;
    }

    /// <summary>Lowercase hex SHA-256 over the five values concatenated after an ordinal sort.</summary>
    public static string Sign(string acctId, string userName, string appId, string appSecret, string timestamp)
    {
        string[] parts = [acctId, userName, appId, appSecret, timestamp];
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public static string Sign(KingdeeSimulatorOptions options, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Sign(options.AcctId, options.UserName, options.AppId, options.AppSecret, timestamp.ToString(CultureInfo.InvariantCulture));
    }
}
