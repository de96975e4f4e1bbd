namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>The <c>code</c> values of the open-API envelope that a client must tell apart (always compared as text).</summary>
public static class YonBipCodes
{
    public const string Success = "200";

    /// <summary>The token endpoint's success code.</summary>
    public const string TokenSuccess = "00000";

    /// <summary>Still processing (idempotent save): retry after ~5 s with the same resubmitCheckKey.</summary>
    public const string Processing = "202";

    /// <summary>Duplicate submission after the 1 h result cache: the order exists, <c>data</c> is <c>{"id":...}</c>.
    /// The docs give both values.</summary>
    public const string DuplicateSubmission = "100004";
    public const string DuplicateSubmissionAlt = "10004";

    public const string TokenMissing = "310001";

    /// <summary>Token invalid or expired ("非法token").</summary>
    public const string TokenInvalid = "310036";
    public const string TokenInvalidMessage = "非法token";

    public const string NotAuthorised = "310037";

    /// <summary>Throttled at system, app, product and API level.</summary>
    public static readonly IReadOnlyList<string> Throttled = ["310032", "310039", "310042", "310046"];

    public const string CircuitBreaker = "310043";
    public const string GatewayTimeout = "310504";
    public const string PathNotFound = "310404";

    /// <summary>Business error, e.g. "服务端逻辑异常" or a validation message.</summary>
    public const string BusinessError = "999";

    /// <summary>Unknown or disabled appKey on the token endpoint.</summary>
    public const string AppKeyUnknown = "10018";
}
