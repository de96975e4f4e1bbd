namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// A TOP <c>error_response</c>: <c>{code, msg, sub_code, sub_msg, request_id}</c>. Gateway errors carry the top-level
/// code (25 Invalid Signature, 27 Invalid Session...); business errors come as code 15 with an <c>isv.*</c> or
/// <c>isp.*</c> sub_code.
/// </summary>
public sealed record TaobaoApiError(long Code, string Msg, string? SubCode, string? SubMsg, string? RequestId)
{
    /// <summary>App Call Limited: the app's call quota or frequency is exhausted, e.g. sub_code <c>accesscontrol.limited-by-api-access-count</c>.</summary>
    public const long AppCallLimited = 7;

    public const long ServiceUnavailable = 10;
    public const long RemoteServiceError = 15;
    public const long InvalidMethod = 22;
    public const long InvalidFormat = 23;
    public const long MissingSignature = 24;
    public const long InvalidSignature = 25;
    public const long MissingSession = 26;
    public const long InvalidSession = 27;
    public const long MissingAppKey = 28;
    public const long InvalidAppKey = 29;
    public const long MissingTimestamp = 30;
    public const long InvalidTimestamp = 31;
    public const long MissingVersion = 32;
    public const long InvalidVersion = 33;
    public const long MissingRequiredArguments = 40;
    public const long InvalidArguments = 41;
    public const long MissingMethod = 21;

    /// <summary>Throttled: code 7, any <c>accesscontrol.*</c> sub_code, or an <c>isv./isp.</c> sub_code naming a call limit.</summary>
    public bool IsThrottled => Code == AppCallLimited || SubCode is { } sub && IsLimitSubCode(sub);

    /// <summary>
    /// Worth retrying: throttling, "Service Currently Unavailable", or an <c>isp.*</c> sub_code (the platform's own side
    /// failed, e.g. <c>isp.top-remote-connection-timeout</c>). <c>isv.*</c> errors need a different request.
    /// </summary>
    public bool IsTransient =>
        IsThrottled || Code == ServiceUnavailable || SubCode?.StartsWith("isp.", StringComparison.Ordinal) == true;

    /// <summary>Code, sub-code and request id only: messages are not needed to diagnose and may echo input.</summary>
    public override string ToString() => $"code {Code}, sub_code {SubCode ?? "-"}, request_id {RequestId ?? "-"}";

    private static bool IsLimitSubCode(string subCode)
    {
        // "isv.invalid-parameter:limit" names a parameter, not a limit that was hit: only the part before ':' counts.
        var name = subCode.Split(':', 2)[0];
        if (name.StartsWith("accesscontrol.", StringComparison.Ordinal))
        {
            return true;
        }

        return (name.StartsWith("isv.", StringComparison.Ordinal) || name.StartsWith("isp.", StringComparison.Ordinal)) &&
               (name.EndsWith("-limit", StringComparison.Ordinal) || name.EndsWith("-limited", StringComparison.Ordinal) ||
                name.Contains("flow-limit", StringComparison.Ordinal));
    }
}
