namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// getAccessToken's answer: <c>{"code":"00000","data":{"access_token":"...","expire":7200}}</c> on success (expire in
/// seconds, 2 h when absent); any other code is a refusal (10018: unknown or disabled appKey).
/// </summary>
public sealed record YonBipTokenResult(string Code, string Message, string? AccessToken, int ExpireSeconds)
{
    public const int DefaultExpireSeconds = 7200;

    public bool IsSuccess => Code == YonBipCodes.TokenSuccess && !string.IsNullOrEmpty(AccessToken);

    public static YonBipTokenResult Parse(string body)
    {
        var response = YonBipResponse.Parse(body);
        string? token = null;
        var expire = DefaultExpireSeconds;
        if (response.Data.ValueKind == JsonValueKind.Object)
        {
            token = ErpJson.ReadStringProperty(response.Data, "access_token");
            expire = ErpJson.ReadIntProperty(response.Data, "expire") is > 0 and var e ? e : DefaultExpireSeconds;
        }

        return new YonBipTokenResult(response.Code, response.Message, token, expire);
    }

    // The token must never reach a log through the record's generated ToString.
    public override string ToString() => $"YonBipTokenResult {{ Code = {Code}, Message = {Message}, ExpireSeconds = {ExpireSeconds} }}";
}
