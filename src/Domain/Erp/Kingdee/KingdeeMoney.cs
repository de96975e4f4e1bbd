namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Fen to the yuan decimals K/3 Cloud takes. Decimal only: money never passes through a double.</summary>
public static class KingdeeMoney
{
    /// <summary>K/3 Cloud's default unit-price precision.</summary>
    public const int PriceDecimals = 6;

    public static decimal FenToYuan(long fen) => fen / 100m;

    /// <summary>Tax-inclusive unit price; rounded to 6 places when the line total does not split evenly.</summary>
    public static decimal UnitPrice(long lineAmountFen, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return Math.Round(FenToYuan(lineAmountFen) / quantity, PriceDecimals, MidpointRounding.AwayFromZero);
    }
}
