namespace ServerlessSync.Simulators.Douyin;

// The 抖店 protocol facts the simulator plays, declared here from the published docs (shared reference platforms.md,
// 抖店 section) rather than taken from the hub, so a wrong constant in the hub's adapter is caught, not mirrored.

/// <summary>Push message tags (抖店 message docs /30/109.../31/121) and the push service's verification message.</summary>
public static class DouyinSimPushTags
{
    /// <summary>The push service's verification/test message.</summary>
    public const string Verification = "0";
    public const string TradeCreated = "100";
    public const string TradePaid = "101";
    public const string TradeShipped = "102";
    public const string TradeSuccess = "103";
    public const string TradeCanceled = "106";
    public const string TradeAmountChanged = "109";
    public const string TradePending = "110";
    public const string RefundCreated = "200";
    public const string RefundAgreed = "201";
    public const string RefundSuccess = "206";
}

/// <summary>How a push is sent: a JSON body with the <c>app-id</c> and <c>event-sign</c> headers.</summary>
public static class DouyinSimPushAck
{
    public const string ContentType = "application/json";
    public const string SignHeader = "event-sign";
    public const string AppIdHeader = "app-id";
}

/// <summary>The gateway's throttling sub_code (with code 60000, "请求太频繁，请稍后重试").</summary>
public static class DouyinSimApiError
{
    public const string ThrottledSubCode = "isv.traffic-limited";
}
