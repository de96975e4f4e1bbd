namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>The push message tags the sync cares about, their readable event names and the data field holding their time.</summary>
public static class DouyinPushTags
{
    /// <summary>The push service's verification/test message: acknowledge, record nothing.</summary>
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

    public sealed record TagInfo(string Tag, string EventName, string TimeField);

    private static readonly Dictionary<string, TagInfo> Known = new[]
    {
        new TagInfo(TradeCreated, "trade.created", "create_time"),
        new TagInfo(TradePaid, "trade.paid", "pay_time"),
        new TagInfo(TradePending, "trade.paid_pending", "update_time"),
        new TagInfo(TradeShipped, "trade.shipped", "update_time"),
        new TagInfo(TradeSuccess, "trade.success", "complete_time"),
        new TagInfo(TradeCanceled, "trade.cancelled", "cancel_time"),
        new TagInfo(TradeAmountChanged, "trade.amount_changed", "modify_time"),
        new TagInfo(RefundCreated, "refund.created", "apply_time"),
        new TagInfo(RefundAgreed, "refund.agreed", "agree_time"),
        new TagInfo(RefundSuccess, "refund.success", "success_time"),
    }.ToDictionary(t => t.Tag, StringComparer.Ordinal);

    /// <summary>The tag's description, or null for a tag the sync ignores.</summary>
    public static TagInfo? Find(string tag) => Known.GetValueOrDefault(tag);

    public static IReadOnlyCollection<string> OrderTags => Known.Keys;
}
