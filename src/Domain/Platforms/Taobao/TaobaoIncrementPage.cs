namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>One trade of an incremental list: its id (exact text) and when it was last modified (UTC).</summary>
public sealed record TaobaoChangedTrade(string Tid, DateTimeOffset Modified, string? Status);

/// <summary>
/// One page of <c>taobao.trades.sold.increment.get</c>: <see cref="TotalResults"/> when asked with
/// <c>use_has_next=false</c>, <see cref="HasNext"/> otherwise.
/// </summary>
public sealed record TaobaoIncrementPage(IReadOnlyList<TaobaoChangedTrade> Trades, long? TotalResults, bool? HasNext);

/// <summary>An incremental list answer: the page, or the platform's error response.</summary>
public sealed record TaobaoIncrementResult(TaobaoIncrementPage? Page, TaobaoApiError? Error)
{
    public static TaobaoIncrementResult Success(TaobaoIncrementPage page) => new(page, null);

    public static TaobaoIncrementResult Failure(TaobaoApiError error) => new(null, error);
}
