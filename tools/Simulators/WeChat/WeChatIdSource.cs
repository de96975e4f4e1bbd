using System.Globalization;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// Unique, increasing 19-digit ids shaped like 微信小店 order ids ("37" + unix ms + a 4-digit sequence, e.g.
/// 3717...): all above 2^53, so a reader that goes through a double would corrupt them.
/// </summary>
public sealed class WeChatIdSource(TimeProvider time)
{
    private const long Base = 3_700_000_000_000_000_000;
    private readonly Lock gate = new();
    private long last;

    public string Next()
    {
        lock (gate)
        {
            var fromClock = Base + (time.GetUtcNow().ToUnixTimeMilliseconds() * 10_000);
            last = Math.Max(last + 1, fromClock);
            return last.ToString(CultureInfo.InvariantCulture);
        }
    }
}
