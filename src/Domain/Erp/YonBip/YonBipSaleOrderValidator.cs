namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>What a sales-order document must satisfy before it is sent to YonBIP (payMoney must equal the lines' sum).</summary>
public static class YonBipSaleOrderValidator
{
    public static IReadOnlyList<string> Validate(ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<string>();
        ErpOrderRules.Require(problems, order.ExternalOrderNo, "platform order number");
        ErpOrderRules.Require(problems, order.Platform, "platform");
        ErpOrderRules.Require(problems, order.CustomerNumber, "customer");
        ErpOrderRules.Require(problems, order.SalesOrgNumber, "sales organisation");
        ErpOrderRules.RequireLines(problems, order);

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            ErpOrderRules.Require(problems, line.MaterialNumber, $"line {i + 1} material");
            ErpOrderRules.Require(problems, line.UnitNumber, $"line {i + 1} unit");
            ErpOrderRules.CheckQuantityAndAmount(problems, line, i + 1);

            if (line.TaxRatePercent < 0)
            {
                problems.Add($"line {i + 1} tax rate must not be negative");
            }
        }

        ErpOrderRules.CheckTotal(problems, order);

        return problems;
    }
}
