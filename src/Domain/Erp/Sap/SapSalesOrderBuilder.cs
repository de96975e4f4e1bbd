namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// Turns an <see cref="ErpSalesOrder"/> into the deep-insert body of <c>POST A_SalesOrder</c>: header, <c>to_Item</c> and
/// each item's <c>to_PricingElement</c>. The platform order number goes to <c>PurchaseOrderByCustomer</c>, the key the
/// connector looks orders up by. Gifts are free-goods items without a price; SAP determines tax from the customer's and
/// material's tax classification, so the document's tax rate is not sent. The freight condition type is customizing
/// (the reference leaves it open), so freight is an item on the profile's charge material priced like the others, or is
/// spread over the items: the items' prices add up to what the buyer paid.
/// </summary>
public static class SapSalesOrderBuilder
{
    /// <summary>Item numbers go 10, 20, 30... as SAP numbers them itself.</summary>
    public const int ItemNumberStep = 10;

    /// <summary>SalesOrderItemText of the freight charge item.</summary>
    public const string FreightItemText = "Freight";

    public static string BuildBody(ErpSalesOrder order, SapSalesOrderSettings settings) => Build(order, settings).ToJsonString();

    /// <summary>Throws <see cref="ArgumentException"/> for a document <see cref="SapSalesOrderValidator"/> refuses.</summary>
    public static JsonObject Build(ErpSalesOrder order, SapSalesOrderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = SapSalesOrderValidator.Validate(order, settings);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(order));
        }

        var header = new JsonObject
        {
            ["SalesOrderType"] = settings.SalesOrderType,
            ["SalesOrganization"] = settings.SalesOrganization,
            ["DistributionChannel"] = settings.DistributionChannel,
            ["OrganizationDivision"] = settings.OrganizationDivision,
            ["SoldToParty"] = settings.SoldToPartyFor(order.CustomerNumber),
            ["PurchaseOrderByCustomer"] = order.ExternalOrderNo,
            ["SalesOrderDate"] = SapODataValues.Date(order.OrderDate),
            ["TransactionCurrency"] = settings.Currency,
            ["to_Item"] = new JsonArray(order.Lines.Select((line, i) => (JsonNode?)BuildItem(line, (i + 1) * ItemNumberStep, settings)).ToArray()),
        };
        if (!string.IsNullOrWhiteSpace(order.Note))
        {
            // The note names the freight and the discounts by who bears them: a header text (A_SalesOrderText).
            header["to_Text"] = new JsonArray(new JsonObject
            {
                ["Language"] = settings.TextLanguage,
                ["LongTextID"] = settings.HeaderTextId,
                ["LongText"] = order.Note,
            });
        }

        return header;
    }

    private static JsonObject BuildItem(ErpSalesOrderLine line, int itemNumber, SapSalesOrderSettings settings)
    {
        var unit = settings.UnitFor(line.UnitNumber);
        var item = new JsonObject
        {
            ["SalesOrderItem"] = itemNumber.ToString(CultureInfo.InvariantCulture),
            ["Material"] = line.MaterialNumber,
            ["RequestedQuantity"] = SapODataValues.Decimal(line.Quantity),
            ["RequestedQuantityUnit"] = unit,
            ["Plant"] = settings.Plant,
        };
        if (!string.IsNullOrEmpty(settings.StorageLocation))
        {
            item["StorageLocation"] = settings.StorageLocation;
        }

        if (line.IsFreight)
        {
            item["SalesOrderItemText"] = FreightItemText;
        }

        if (line.IsGift)
        {
            // A free-goods item category prices the item at zero itself; a manual price would fight it.
            item["SalesOrderItemCategory"] = settings.FreeGoodsItemCategory;
            return item;
        }

        var price = SapPrice.ForLine(line.AmountFen, line.Quantity);
        item["to_PricingElement"] = new JsonArray(new JsonObject
        {
            ["ConditionType"] = settings.PriceConditionType,
            ["ConditionRateValue"] = price.Rate.ToString("0.00", CultureInfo.InvariantCulture),
            ["ConditionCurrency"] = settings.Currency,
            ["ConditionQuantity"] = price.PerQuantity.ToString(CultureInfo.InvariantCulture),
            ["ConditionQuantityUnit"] = unit,
        });
        return item;
    }
}
