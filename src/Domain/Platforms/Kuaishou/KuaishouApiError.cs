namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>
/// A non-success open-API envelope <c>{result, error_msg, code, msg, sub_code, sub_msg}</c> (KS-DECL); <c>result</c> 1 is success.
/// </summary>
/// <remarks>
/// Only <c>result = 1</c> is documented in the reference. The failure codes below are guesses: the throttling and the
/// authentication/signature groups follow the grouping one SDK (KS-PHP <c>ResponseParser</c>) applies; the parameter and
/// business codes are the simulator's own choice. Which exact code the gateway sends for which fault is unknown.
/// </remarks>
public sealed record KuaishouApiError(long Result, string? ErrorMsg, string? Code, string? SubCode, string? SubMsg)
{
    public const long SuccessResult = 1;

    /// <summary>Business failure, e.g. the order does not exist for this seller (guess).</summary>
    public const long BusinessFailedResult = 2;

    /// <summary>A missing or invalid parameter: time window, page size, malformed <c>param</c> (guess).</summary>
    public const long ParameterInvalidResult = 12;

    public const long AppKeyInvalidResult = 21;
    public const long AccessTokenInvalidResult = 24;
    public const long SignMethodInvalidResult = 27;
    public const long SignatureInvalidResult = 28;

    /// <summary>The code the simulator throttles with (guess).</summary>
    public const long ThrottledResult = 802000;

    /// <summary>Codes treated as "too many calls" (KS-PHP maps these to its rate-limit exception).</summary>
    public static readonly IReadOnlySet<long> ThrottledResults = new HashSet<long> { 15, 16, 17, 1016, 1017, ThrottledResult };

    public bool IsThrottled => ThrottledResults.Contains(Result);

    /// <summary>Worth retrying unchanged: throttling only. Everything else needs a change of request or credentials.</summary>
    public bool IsTransient => IsThrottled;

    /// <summary>Codes only: the platform's message texts are not needed to diagnose and may echo input.</summary>
    public override string ToString() => $"result {Result}, code {Code ?? "-"}, sub_code {SubCode ?? "-"}";
}
