namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// The form fields of one business call: <c>app_key, access_token, timestamp</c> (Unix seconds, within 10 minutes of
/// the server), <c>charset=utf-8, version=2, biz</c> (business parameters as a JSON string, "{}" when none) and <c>sign</c>.
/// </summary>
public static class JushuitanRequest
{
    public const string Charset = "utf-8";
    public const string Version = "2";

    public static IReadOnlyList<KeyValuePair<string, string>> Build(JushuitanCredentials credentials, string biz, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("app_key", credentials.AppKey),
            new("access_token", credentials.AccessToken),
            new("timestamp", timestampSeconds.ToString(CultureInfo.InvariantCulture)),
            new("charset", Charset),
            new("version", Version),
            new("biz", string.IsNullOrEmpty(biz) ? "{}" : biz),
        };
        fields.Add(new(JushuitanSigner.SignField, JushuitanSigner.Sign(fields, credentials.AppSecret)));
        return fields;
    }
}
