namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>
/// Top-level <c>code</c> values. Only 0 and the throttling pair 199/200 come from the reference; the official error
/// table is unknown, so the auth codes below are our choice (100 "签名错误" is the reference's unverified example)
/// and the simulator answers with them.
/// </summary>
public static class JushuitanCodes
{
    public const int Success = 0;

    public const int ThrottledFrequency = 199;
    public const int ThrottledConcurrency = 200;

    public const int SignInvalid = 100;
    public const int AppKeyInvalid = 101;
    public const int TimestampInvalid = 102;
    public const int AccessTokenInvalid = 103;

    /// <summary>biz missing, not JSON, or lacking what the API needs.</summary>
    public const int BizInvalid = 130;

    public static bool IsThrottled(int code) => code is ThrottledFrequency or ThrottledConcurrency;

    public static bool IsAuthFailure(int code) => code is SignInvalid or AppKeyInvalid or TimestampInvalid or AccessTokenInvalid;
}
