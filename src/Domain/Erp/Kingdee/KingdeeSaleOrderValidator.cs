namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>What a sales-order document must satisfy before it is sent to K/3 Cloud.</summary>
public static class KingdeeSaleOrderValidator
{
    public static IReadOnlyList<string> Validate(ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<string>();
        ErpOrderRules.Require(problems, order.ExternalOrderNo, "platform order number");
        ErpOrderRules.Require(problems, order.CustomerNumber, "customer");
        ErpOrderRules.Require(problems, order.SalesOrgNumber, "sales organisation");
        ErpOrderRules.Require(problems, order.CurrencyNumber, "currency");
        ErpOrderRules.RequireLines(problems, order);

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            ErpOrderRules.Require(problems, line.MaterialNumber, $"line {i + 1} material");
            ErpOrderRules.Require(problems, line.UnitNumber, $"line {i + 1} unit");
            ErpOrderRules.Require(problems, line.WarehouseNumber, $"line {i + 1} warehouse");
            ErpOrderRules.CheckQuantityAndAmount(problems, line, i + 1);
        }

        ErpOrderRules.CheckTotal(problems, order);

        return problems;
    }
}
