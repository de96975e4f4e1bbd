namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// The alert's fields as text lines for DingTalk, Feishu and e-mail: ids, reason and time only, never buyer data. A very
/// long reason is cut (with "…") so that the ids and the time still arrive within the channel's size limit.
/// </summary>
internal static class AlertText
{
    /// <summary>Far below the robots' ~20 KB message limits even in 3-byte CJK characters.</summary>
    public const int MaxReasonChars = 2000;

    public static string CutReason(string reason, int maxChars = MaxReasonChars)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (reason.Length <= maxChars)
        {
            return reason;
        }

        var keep = maxChars - 1;
        if (keep > 0 && char.IsHighSurrogate(reason[keep - 1]))
        {
            keep--;
        }

        return reason[..keep] + "…";
    }

    /// <summary>"label: value" lines, each given the prefix (e.g. "- " for a markdown list).</summary>
    public static IReadOnlyList<string> FieldLines(AlertMessage m, string prefix = "") =>
    [
        $"{prefix}目标 Target: {m.Target}",
        $"{prefix}订单 Order: {m.InstanceId}",
        $"{prefix}原因 Reason: {CutReason(m.Reason)}",
        $"{prefix}时间 Time: {m.At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC",
    ];
}
