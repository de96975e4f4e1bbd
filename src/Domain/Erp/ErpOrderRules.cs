namespace ServerlessSync.Domain.Erp;

/// <summary>The checks every ERP's validator makes of a sales-order document, each worded the same for every ERP.</summary>
public static class ErpOrderRules
{
    public static void Require(List<string> problems, string? value, string what)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{what} is missing");
        }
    }

    public static void RequireLines(List<string> problems, ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(order);
        if (order.Lines.Count == 0)
        {
            problems.Add("the order has no lines");
        }
    }

    /// <summary>A positive quantity, no negative amount, and no amount on a gift; <paramref name="row"/> counts from 1.</summary>
    public static void CheckQuantityAndAmount(List<string> problems, ErpSalesOrderLine line, int row)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(line);
        if (line.Quantity <= 0)
        {
            problems.Add($"line {row} quantity must be positive");
        }

        if (line.AmountFen < 0)
        {
            problems.Add($"line {row} amount must not be negative");
        }

        if (line.IsGift && line.AmountFen != 0)
        {
            problems.Add($"line {row} is a gift but has an amount");
        }
    }

    /// <summary>The lines must add up to the order total, to the fen.</summary>
    public static void CheckTotal(List<string> problems, ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(order);
        var sum = order.Lines.Sum(l => l.AmountFen);
        if (sum != order.TotalAmountFen)
        {
            problems.Add($"lines add up to {sum} fen but the order total is {order.TotalAmountFen} fen");
        }
    }
}
