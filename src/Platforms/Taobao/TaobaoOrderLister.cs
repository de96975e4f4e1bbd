using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>
/// The incremental list through <c>taobao.trades.sold.increment.get</c>, paged from the last page back as the API demands
/// (see <see cref="TaobaoReversePager"/>). The first call of a window asks for page 1 to learn <c>total_results</c>: if
/// that is one page it is the answer, otherwise the same call goes on to read the last page. Each later call reads the
/// page before. The cursor carries the window, the total, the next page and what was already returned, so a trade that
/// slides onto the next page while paging is returned once. Windows should end in the past (the pull runner's settle
/// delay); a window that still grows is restarted from its new last page.
/// </summary>
public sealed class TaobaoOrderLister(
    HttpClient http,
    IOptions<TaobaoOptions> options,
    ILogger<TaobaoOrderLister>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderLister
{
    public const string HttpClientName = "platform-taobao-list";

    private const string Method = TaobaoMethods.TradesSoldIncrementGet;

    private readonly ILogger log = logger ?? NullLogger<TaobaoOrderLister>.Instance;
    private readonly TaobaoGateway gateway = new(
        http, options.Value, timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger<TaobaoOrderLister>.Instance);

    public string Platform => PlatformNames.Taobao;

    public TimeSpan MaxWindow => TaobaoIncrementQuery.MaxSpan;

    /// <exception cref="ArgumentException">The window is empty or over a day, or the cursor belongs to another window.</exception>
    public async Task<ChangedOrderPage> ListChangedAsync(string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(options.Value.PageSize, 1, TaobaoIncrementQuery.MaxPageSize);
        new TaobaoIncrementQuery(from, to, 1, pageSize).Validate();

        TaobaoListCursor walk;
        if (cursor is null)
        {
            var first = await ReadAsync(shopId, from, to, 1, pageSize, cancellationToken);
            if (first.Total <= pageSize)
            {
                LogPage(shopId, 1, first.Total, first.Trades.Count, first.Trades.Count);
                return new ChangedOrderPage(Changed(first.Trades.DistinctBy(t => t.Tid, StringComparer.Ordinal)), null);
            }

            walk = TaobaoReversePager.Start(from, to, first.Total, pageSize);
        }
        else
        {
            walk = Decode(cursor, from, to);
        }

        while (true)
        {
            var page = await ReadAsync(shopId, from, to, walk.NextPage, walk.PageSize, cancellationToken);
            if (TaobaoReversePager.RestartIfGrown(walk, page.Total) is { } restart)
            {
                TaobaoLog.WindowGrew(log, shopId, walk.Total, page.Total, restart.Restarts);
                walk = restart;
                continue;
            }

            var (fresh, next) = TaobaoReversePager.Accept(walk, page.Trades);
            LogPage(shopId, walk.NextPage, page.Total, page.Trades.Count, fresh.Count);
            return new ChangedOrderPage(Changed(fresh), next?.Encode());
        }
    }

    private async Task<(long Total, IReadOnlyList<TaobaoChangedTrade> Trades)> ReadAsync(
        string shopId, DateTimeOffset from, DateTimeOffset to, int pageNo, int pageSize, CancellationToken cancellationToken)
    {
        var subject = $"{PlatformNames.Taobao}:{shopId}";
        var query = new TaobaoIncrementQuery(from, to, pageNo, pageSize, UseHasNext: false);
        var body = await gateway.CallAsync(Method, shopId, query.ToParameters(), subject, cancellationToken);

        TaobaoIncrementResult result;
        try
        {
            result = TaobaoIncrementParser.Parse(body);
        }
        catch (FormatException ex)
        {
            throw TaobaoGateway.Unreadable(Method, subject, ex);
        }

        if (result.Error is { } error)
        {
            throw gateway.Fail(Method, subject, error);
        }

        var page = result.Page!;
        return page.TotalResults is { } total
            ? (total, page.Trades)
            : throw new PlatformRequestException($"Taobao {Method} for {subject} answered without total_results.");
    }

    private static TaobaoListCursor Decode(string cursor, DateTimeOffset from, DateTimeOffset to)
    {
        TaobaoListCursor walk;
        try
        {
            walk = TaobaoListCursor.Decode(cursor);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The cursor was not written by the Taobao lister.", nameof(cursor), ex);
        }

        return walk.IsFor(from, to) ? walk : throw new ArgumentException("The cursor belongs to another window.", nameof(cursor));
    }

    private static List<ChangedOrder> Changed(IEnumerable<TaobaoChangedTrade> trades) =>
        trades.Select(t => new ChangedOrder(t.Tid, t.Modified)).ToList();

    private void LogPage(string shopId, int pageNo, long total, int listed, int fresh) =>
        TaobaoLog.PageRead(log, shopId, pageNo, total, listed, fresh);
}
