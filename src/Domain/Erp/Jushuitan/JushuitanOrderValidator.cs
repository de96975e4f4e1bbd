namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>What a document must satisfy before orders/upload: the API's length limits and consistent amounts.</summary>
public static class JushuitanOrderValidator
{
    public const int MaxSoIdLength = 41;
    public const int MaxSkuIdLength = 40;

    public static IReadOnlyList<string> Validate(ErpSalesOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(order.ExternalOrderNo))
        {
            problems.Add("platform order number is missing");
        }
        else if (order.ExternalOrderNo.Length > MaxSoIdLength)
        {
            problems.Add($"platform order number is longer than {MaxSoIdLength} characters (so_id)");
        }

        ErpOrderRules.RequireLines(problems, order);

        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            if (string.IsNullOrWhiteSpace(line.MaterialNumber))
            {
                problems.Add($"line {i + 1} material is missing");
            }
            else if (line.MaterialNumber.Length > MaxSkuIdLength)
            {
                problems.Add($"line {i + 1} material is longer than {MaxSkuIdLength} characters (sku_id)");
            }

            ErpOrderRules.CheckQuantityAndAmount(problems, line, i + 1);
        }

        if (order.Lines.Count > 0 && order.Lines.All(l => l.IsFreight))
        {
            problems.Add("the order has only a freight line and no goods");
        }

        ErpOrderRules.CheckTotal(problems, order);

        return problems;
    }
}
