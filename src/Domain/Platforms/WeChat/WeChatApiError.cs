namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// A non-zero <c>{errcode, errmsg}</c> answer. WeChat answers errors with HTTP 200. The codes are WeChat's global ones
/// (the reference lists none for the Channels order API; these are the common codes every WeChat API shares).
/// </summary>
public sealed record WeChatApiError(long ErrCode, string ErrMsg)
{
    public const long SystemBusy = -1;
    public const long InvalidCredential = 40001;
    public const long InvalidAppId = 40013;
    public const long InvalidAccessToken = 40014;
    public const long InvalidArgs = 40097;
    public const long InvalidAppSecret = 40125;
    public const long AccessTokenMissing = 41001;
    public const long AccessTokenExpired = 42001;
    public const long ApiFreqLimit = 45009;
    public const long ApiMinuteQuotaLimit = 45011;

    /// <summary>订单更新过于频繁 (merchantnotes/update; loop.md §1): retry later.</summary>
    public const long OrderUpdatedTooOften = 100003;

    /// <summary>更新该sku库存频率超限 (stock/update; loop.md §3): retry later.</summary>
    public const long StockUpdatedTooOften = 10020112;

    /// <summary>库存不足以减扣 (stock/update): a sale took stock between the read and the subtraction; a later try reads again.</summary>
    public const long StockTooLowToSubtract = 10020219;

    /// <summary>The token was refused (invalid, not the latest, or expired): fetch a new one and call again.</summary>
    public bool IsTokenRejected => ErrCode is InvalidCredential or InvalidAccessToken or AccessTokenExpired;

    /// <summary>Worth retrying later: the platform is busy, the caller is over its call quota, or a stock figure moved under it.</summary>
    public bool IsTransient => ErrCode is SystemBusy or ApiFreqLimit or ApiMinuteQuotaLimit or OrderUpdatedTooOften or StockUpdatedTooOften or StockTooLowToSubtract;

    /// <summary>The errcode, and the request id WeChat appends to errmsg (" rid: ..."), which its support asks for.</summary>
    public override string ToString()
    {
        var rid = ErrMsg.IndexOf("rid:", StringComparison.Ordinal);
        return rid >= 0 ? $"errcode {ErrCode}, {ErrMsg[rid..].Trim()}" : $"errcode {ErrCode}";
    }

    /// <summary>The error in an answer's root object, or null when <c>errcode</c> is absent or 0.</summary>
    public static WeChatApiError? From(JsonElement root) =>
        PlatformJson.Long(root, "errcode") is { } code && code != 0 ? new WeChatApiError(code, PlatformJson.String(root, "errmsg") ?? "") : null;
}

/// <summary>A response that is not the documented JSON or lacks a required field.</summary>
public sealed class WeChatResponseFormatException : FormatException
{
    public WeChatResponseFormatException(string message) : base(message) { }

    public WeChatResponseFormatException(string message, Exception inner) : base(message, inner) { }

    public WeChatResponseFormatException() { }
}
