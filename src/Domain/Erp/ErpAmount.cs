namespace ServerlessSync.Domain.Erp;

/// <summary>Reads an ERP's order total (yuan, as text) into fen, so reconciliation can compare it with what the buyer paid.</summary>
public static class ErpAmount
{
    /// <summary>Null when the ERP gave no amount; an amount that is not a number of yuan to the fen is a protocol error.</summary>
    public static long? FenFromYuan(string? yuan, string what)
    {
        if (string.IsNullOrWhiteSpace(yuan))
        {
            return null;
        }

        if (!decimal.TryParse(yuan, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ||
            decimal.Round(value * 100m) != value * 100m)
        {
            throw new ErpProtocolException($"{what} '{yuan}' is not an amount in yuan to the fen.");
        }

        return decimal.ToInt64(value * 100m);
    }
}
