namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>What a sales-order document must satisfy before it is sent to YonBIP (payMoney must equal the lines' sum).</summary>
public static class YonBipSaleOrderValidator
{
    public static IReadOnlyList<string> Validate(ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<string>();
        Require(problems, order.ExternalOrderNo, "platform order number");
        Require(problems, order.Platform, "platform");
        Require(problems, order.CustomerNumber, "customer");
        Require(problems, order.SalesOrgNumber, "sales organisation");
        if (order.Lines.Count == 0)
        {
            problems.Add("the order has no lines");
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            Require(problems, line.MaterialNumber, $"line {i + 1} material");
            Require(problems, line.UnitNumber, $"line {i + 1} unit");
            if (line.Quantity <= 0)
            {
                problems.Add($"line {i + 1} quantity must be positive");
            }

            if (line.AmountFen < 0)
            {
                problems.Add($"line {i + 1} amount must not be negative");
            }

            if (line.IsGift && line.AmountFen != 0)
            {
                problems.Add($"line {i + 1} is a gift but has an amount");
            }

            if (line.TaxRatePercent < 0)
            {
                problems.Add($"line {i + 1} tax rate must not be negative");
            }
        }

        var sum = order.Lines.Sum(l => l.AmountFen);
        if (sum != order.TotalAmountFen)
        {
            problems.Add($"lines add up to {sum} fen but the order total is {order.TotalAmountFen} fen");
        }

        return problems;
    }

    private static void Require(List<string> problems, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{what} is missing");
        }
    }
}
