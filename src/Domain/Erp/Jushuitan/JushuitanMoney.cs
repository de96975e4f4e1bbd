namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>Fen to yuan: amounts to 2 places (exact), unit prices to the API's 4. Decimal only.</summary>
public static class JushuitanMoney
{
    public const int PriceDecimals = 4;

    public static decimal Amount(long fen) => fen / 100m;

    public static decimal UnitPrice(long amountFen, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        return Math.Round(Amount(amountFen) / quantity, PriceDecimals, MidpointRounding.AwayFromZero);
    }
}
