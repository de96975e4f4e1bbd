namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// Fen to the yuan decimals YonBIP takes, and the split of a tax-inclusive line total into net and tax. The split is
/// done in whole fen so net + tax equals the total exactly; money never passes through a double.
/// </summary>
public static class YonBipMoney
{
    public const int PriceDecimals = 6;

    public static decimal FenToYuan(long fen) => fen / 100m;

    /// <summary>Net amount in fen of a tax-inclusive total: total / (1 + rate), rounded half away from zero.</summary>
    public static long NetFen(long totalFen, decimal taxRatePercent) =>
        (long)Math.Round(totalFen / (1m + (taxRatePercent / 100m)), 0, MidpointRounding.AwayFromZero);

    public static decimal UnitPrice(long amountFen, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return Math.Round(FenToYuan(amountFen) / quantity, PriceDecimals, MidpointRounding.AwayFromZero);
    }
}
