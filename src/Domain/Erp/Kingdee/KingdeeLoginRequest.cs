using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// LoginBySign: <c>{"parameters":[acctId, userName, appId, timestamp, sign, lcid]}</c>, where sign is the lowercase hex
/// SHA-256 of acctId, userName, appId, appSecret and timestamp concatenated after an ordinal (Java <c>Arrays.sort</c>) sort.
/// </summary>
public static class KingdeeLoginRequest
{
    public static string ComputeSign(string acctId, string userName, string appId, string appSecret, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(acctId);
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(appId);
        ArgumentNullException.ThrowIfNull(appSecret);
        string[] parts = [acctId, userName, appId, appSecret, timestampSeconds.ToString(CultureInfo.InvariantCulture)];
        Array.Sort(parts, StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(parts)));
        return Convert.ToHexStringLower(hash);
    }

    public static string BuildBody(KingdeeCredentials credentials, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var sign = ComputeSign(credentials.AcctId, credentials.UserName, credentials.AppId, credentials.AppSecret, timestampSeconds);
        var body = new JsonObject
        {
            ["parameters"] = new JsonArray(
                credentials.AcctId,
                credentials.UserName,
                credentials.AppId,
                timestampSeconds,
                sign,
                credentials.Lcid),
        };
        return body.ToJsonString();
    }
}
