using System.Globalization;

namespace ServerlessSync.Simulators.Taobao;

// The TOP protocol facts the simulator plays, declared here from the published docs (shared reference platforms.md and
// loop.md, Taobao sections) rather than taken from the hub, so a wrong constant in the hub's adapter is caught.

/// <summary>The TOP methods the gateway serves, the system parameters' fixed values and the methods' limits.</summary>
public static class TaobaoSimMethods
{
    public const string TradeFullInfoGet = "taobao.trade.fullinfo.get";
    public const string TradesSoldIncrementGet = "taobao.trades.sold.increment.get";

    /// <summary>Adds the seller memo of a trade that has none; cannot be called twice on a trade (loop.md §1).</summary>
    public const string TradeMemoAdd = "taobao.trade.memo.add";

    /// <summary>Replaces the seller memo (loop.md §1).</summary>
    public const string TradeMemoUpdate = "taobao.trade.memo.update";

    /// <summary>自己联系物流发货 (loop.md §2.4).</summary>
    public const string LogisticsOfflineSend = "taobao.logistics.offline.send";

    /// <summary>宝贝/SKU库存修改 (loop.md §3).</summary>
    public const string ItemQuantityUpdate = "taobao.item.quantity.update";

    /// <summary>A memo is at most 1000 bytes.</summary>
    public const int MaxMemoBytes = 1000;

    /// <summary>The system parameter <c>v</c>.</summary>
    public const string ApiVersion = "2.0";

    /// <summary>The system parameter <c>format</c> the simulator answers.</summary>
    public const string Format = "json";

    /// <summary>trades.sold.increment.get: <c>page_size</c> 1–100 and a window of at most one day.</summary>
    public const int MaxIncrementPageSize = 100;

    public static readonly TimeSpan MaxIncrementSpan = TimeSpan.FromDays(1);
}

/// <summary>TOP's top-level error codes (<c>error_response.code</c>); business errors are 15 with an <c>isv.*</c> sub_code.</summary>
public static class TaobaoSimApiError
{
    public const long AppCallLimited = 7;
    public const long RemoteServiceError = 15;
    public const long MissingMethod = 21;
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
}

/// <summary>TOP times: <c>yyyy-MM-dd HH:mm:ss</c> without an offset, in Beijing time (UTC+8, no daylight saving).</summary>
public static class TaobaoSimTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss";

    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static string ToText(DateTimeOffset time) => time.ToOffset(BeijingOffset).ToString(Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text?.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            return false;
        }

        utc = new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), BeijingOffset).ToUniversalTime();
        return true;
    }

    /// <summary>True when <paramref name="timestamp"/> is a TOP time within <paramref name="maxSkew"/> of <paramref name="now"/>.</summary>
    public static bool IsFresh(string? timestamp, DateTimeOffset now, TimeSpan maxSkew) =>
        TryParse(timestamp, out var at) && (now - at).Duration() <= maxSkew;
}

/// <summary>Money as TOP writes it: yuan strings with two decimals ("0.10", "1999.00").</summary>
public static class TaobaoSimMoney
{
    public static string ToYuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
