namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>
/// One signed open-API call: POST <c>{gateway}{Path}?{Query}</c> with <see cref="Body"/> (the signed <c>param_json</c>)
/// as the JSON body.
/// </summary>
public sealed record DouyinSignedRequest(string Path, string Method, string Timestamp, string Sign, string Query, string Body)
{
    public string PathAndQuery => $"{Path}?{Query}";
}
