using ServerlessSync.Domain.Platforms.Kuaishou;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// The incremental pull through <c>open.order.cursor.list</c> by update time: windows of at most 7 days starting no earlier
/// than 90 days ago, 50 orders a page, cursor paging until the platform answers <c>"nomore"</c>.
/// </summary>
/// <remarks>
/// A window longer than 7 days is the caller's mistake and refused. A window reaching back beyond the platform's 90 days
/// (a watermark left behind by a long outage) is cut to what the platform can still list, with a warning, so the pull
/// moves on instead of failing on every run.
/// </remarks>
public sealed partial class KuaishouOrderLister(
    HttpClient http,
    IOptions<KuaishouOptions> options,
    ILogger<KuaishouOrderLister>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderLister
{
    public const string HttpClientName = "platform-kuaishou-list";

    /// <summary>Kept inside the 90-day limit so a gateway clock slightly ahead of ours does not refuse the window.</summary>
    public static readonly TimeSpan LookBackMargin = TimeSpan.FromHours(1);

    private readonly ILogger logger = logger ?? NullLogger<KuaishouOrderLister>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Kuaishou;

    public TimeSpan MaxWindow => KuaishouCursorListQuery.MaxWindow;

    public async Task<ChangedOrderPage> ListChangedAsync(
        string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken)
    {
        const string method = KuaishouApiMethods.OrderCursorList;
        var subject = $"{PlatformNames.Kuaishou}:{shopId}";
        var now = time.GetUtcNow();
        var earliest = now - KuaishouCursorListQuery.MaxLookBack + LookBackMargin;
        if (to <= earliest)
        {
            LogBeyondLookBack(logger, subject, from, to);
            return new ChangedOrderPage([], null);
        }

        if (from < earliest && to - from <= MaxWindow)
        {
            LogBeyondLookBack(logger, subject, from, earliest);
            from = earliest;
        }

        object param;
        try
        {
            param = KuaishouCursorListQuery.ChangedBetween(from, to, cursor).ToParam(now);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new PlatformRequestException($"Kuaishou {method} for {subject} cannot list {from:O}..{to:O}: {ex.Message}", ex);
        }

        var body = await KuaishouGateway.GetAsync(http, options.Value, shopId, method, param, now, subject, logger, cancellationToken);

        KuaishouOrderListResult result;
        try
        {
            result = KuaishouOrderListParser.ParseResponse(body);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw KuaishouGateway.Unreadable(ex, method, subject);
        }

        if (result.Error is { } error)
        {
            throw KuaishouGateway.Refused(error, method, subject, logger);
        }

        var page = result.Page!;
        return new ChangedOrderPage(page.Orders.Select(o => new ChangedOrder(o.OrderId, o.UpdatedAt)).ToList(), page.NextCursor, page.Skipped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kuaishou lists only the last 90 days: {Subject} changes between {From} and {To} can no longer be pulled")]
    private static partial void LogBeyondLookBack(ILogger logger, string subject, DateTimeOffset from, DateTimeOffset to);
}
