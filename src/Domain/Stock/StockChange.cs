namespace ServerlessSync.Domain.Stock;

/// <summary>
/// A change to send to a stock API that only adds or subtracts (快手 <c>open.item.sku.stock.update</c>, 微信小店
/// <c>stock/update</c> with diff_type 1 or 2): the difference between what the platform shows and the figure wanted.
/// Computed from a fresh read before every try, so a retry after a lost answer never applies a change twice, and a
/// subtraction is never larger than what is shown, so the stock never goes below zero.
/// </summary>
/// <param name="Add">True to add <paramref name="Amount"/>, false to subtract it.</param>
/// <param name="Amount">Always more than zero.</param>
public sealed record StockChange(bool Add, long Amount)
{
    /// <summary>The change from <paramref name="shown"/> toward <paramref name="wanted"/>, at most <paramref name="maxAmount"/>; null when they are equal.</summary>
    public static StockChange? Between(long shown, long wanted, long maxAmount = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shown);
        ArgumentOutOfRangeException.ThrowIfNegative(wanted);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAmount);
        return wanted == shown ? null : new StockChange(wanted > shown, Math.Min(Math.Abs(wanted - shown), maxAmount));
    }

    /// <summary>The stock shown after the change is applied to <paramref name="shown"/>.</summary>
    public long After(long shown) => Add ? shown + Amount : shown - Amount;
}
