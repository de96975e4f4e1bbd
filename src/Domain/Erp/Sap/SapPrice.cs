namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// A price condition: <see cref="Rate"/> in yuan per <see cref="PerQuantity"/> units. When a line's amount does not split
/// evenly over its quantity (100.00 for 3), the rate is the line total per the whole quantity (100.00 per 3 PC), so SAP's
/// net value is the exact amount the buyer paid instead of a rounded unit price times the quantity.
/// </summary>
public sealed record SapPrice(decimal Rate, int PerQuantity)
{
    public static SapPrice ForLine(long amountFen, int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(amountFen);
        return amountFen % quantity == 0
            ? new SapPrice(amountFen / quantity / 100m, 1)
            : new SapPrice(amountFen / 100m, quantity);
    }

    /// <summary>What SAP computes as the item's net value for <paramref name="quantity"/>.</summary>
    public decimal NetValue(int quantity) => Rate * quantity / PerQuantity;
}
