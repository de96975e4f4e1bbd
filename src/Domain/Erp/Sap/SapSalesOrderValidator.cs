namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>What a sales order must satisfy, after mapping to SAP values, before it is sent to API_SALES_ORDER_SRV.</summary>
public static class SapSalesOrderValidator
{
    public static IReadOnlyList<string> Validate(ErpSalesOrder order, SapSalesOrderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        Check(problems, settings.SalesOrderType, SapFieldLengths.SalesOrderType, "sales order type");
        Check(problems, settings.SalesOrganization, SapFieldLengths.SalesOrganization, "sales organisation");
        Check(problems, settings.DistributionChannel, SapFieldLengths.DistributionChannel, "distribution channel");
        Check(problems, settings.OrganizationDivision, SapFieldLengths.OrganizationDivision, "division");
        Check(problems, settings.Currency, SapFieldLengths.TransactionCurrency, "currency");
        Check(problems, settings.PriceConditionType, SapFieldLengths.ConditionType, "price condition type");
        Check(problems, settings.Plant, SapFieldLengths.Plant, "plant");
        Check(problems, settings.StorageLocation, SapFieldLengths.StorageLocation, "storage location", required: false);
        // Cutting the platform order number would break lookup-before-create, so a longer one is refused instead.
        Check(problems, order.ExternalOrderNo, SapFieldLengths.PurchaseOrderByCustomer, "platform order number (PurchaseOrderByCustomer)");
        Check(problems, settings.SoldToPartyFor(order.CustomerNumber), SapFieldLengths.SoldToParty, "sold-to party");
        ErpOrderRules.RequireLines(problems, order);

        if (order.Lines.Count * 10 > 999_999)
        {
            problems.Add("the order has more items than SalesOrderItem numbers allow");
        }

        for (var i = 0; i < order.Lines.Count; i++)
        {
            CheckLine(problems, order.Lines[i], i + 1, settings);
        }

        ErpOrderRules.CheckTotal(problems, order);

        return problems;
    }

    private static void CheckLine(List<string> problems, ErpSalesOrderLine line, int row, SapSalesOrderSettings settings)
    {
        Check(problems, line.MaterialNumber, SapFieldLengths.Material, $"line {row} material");
        Check(problems, settings.UnitFor(line.UnitNumber), SapFieldLengths.RequestedQuantityUnit, $"line {row} unit");
        if (line.Quantity <= 0)
        {
            problems.Add($"line {row} quantity must be positive");
            return;
        }

        if (line.AmountFen < 0)
        {
            problems.Add($"line {row} amount must not be negative");
        }

        if (line.IsGift)
        {
            Check(problems, settings.FreeGoodsItemCategory, SapFieldLengths.SalesOrderItemCategory, $"line {row} free-goods item category");
            if (line.AmountFen != 0)
            {
                problems.Add($"line {row} is a gift but has an amount");
            }
        }
        else if (line.AmountFen >= 0 && line.AmountFen % line.Quantity != 0 && line.Quantity > SapFieldLengths.MaxConditionQuantity)
        {
            problems.Add($"line {row} quantity {line.Quantity} is too large to price its amount exactly");
        }
    }

    private static void Check(List<string> problems, string? value, int maxLength, string what, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                problems.Add($"{what} is missing");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            problems.Add($"{what} '{value}' is longer than SAP's {maxLength} characters");
        }
    }
}
