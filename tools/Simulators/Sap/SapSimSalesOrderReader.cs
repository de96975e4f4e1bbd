using System.Text.Json.Nodes;
using static ServerlessSync.Simulators.Sap.SapSimAnswers;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// Reads a deep-insert body of <c>POST A_SalesOrder</c> into an order draft, refusing what SAP Gateway and SD would refuse:
/// unknown properties, values over their MaxLength, a missing sales area or customer, an unknown sales area, order type or
/// material, a price condition not allowed by hand. The first problem found is answered, as SAP does with its leading message.
/// </summary>
public static class SapSimSalesOrderReader
{
    private static readonly Dictionary<string, int> HeaderLengths = new(StringComparer.Ordinal)
    {
        ["SalesOrder"] = 10, ["SalesOrderType"] = 4, ["SalesOrganization"] = 4, ["DistributionChannel"] = 2, ["OrganizationDivision"] = 2,
        ["SalesGroup"] = 3, ["SalesOffice"] = 4, ["SalesDistrict"] = 6, ["SoldToParty"] = 10, ["PurchaseOrderByCustomer"] = 35,
        ["CustomerPurchaseOrderType"] = 4, ["CustomerPurchaseOrderDate"] = 0, ["SalesOrderDate"] = 0, ["PricingDate"] = 0,
        ["RequestedDeliveryDate"] = 0, ["TransactionCurrency"] = 5, ["SDDocumentReason"] = 3, ["ShippingCondition"] = 2,
        ["CompleteDeliveryIsDefined"] = 0, ["ShippingType"] = 2, ["HeaderBillingBlockReason"] = 2, ["DeliveryBlockReason"] = 2,
        ["IncotermsClassification"] = 3, ["CustomerPaymentTerms"] = 4, ["PaymentMethod"] = 1,
    };

    private static readonly Dictionary<string, int> ItemLengths = new(StringComparer.Ordinal)
    {
        ["SalesOrderItem"] = 6, ["HigherLevelItem"] = 6, ["SalesOrderItemCategory"] = 4, ["SalesOrderItemText"] = 40,
        ["PurchaseOrderByCustomer"] = 35, ["Material"] = 40, ["MaterialByCustomer"] = 35, ["PricingDate"] = 0,
        ["RequestedQuantity"] = 0, ["RequestedQuantityUnit"] = 3, ["MaterialGroup"] = 9, ["Batch"] = 10, ["Plant"] = 4,
        ["StorageLocation"] = 4, ["ShippingPoint"] = 4, ["DeliveryPriority"] = 2,
    };

    private static readonly Dictionary<string, int> PricingLengths = new(StringComparer.Ordinal)
    {
        ["PricingProcedureStep"] = 3, ["PricingProcedureCounter"] = 3, ["ConditionType"] = 4, ["ConditionRateValue"] = 0,
        ["ConditionCurrency"] = 5, ["ConditionQuantity"] = 0, ["ConditionQuantityUnit"] = 3,
    };

    private static readonly HashSet<string> HeaderNavigation = new(StringComparer.Ordinal) { "to_Item", "to_Partner", "to_PricingElement", "to_Text" };
    private static readonly HashSet<string> ItemNavigation = new(StringComparer.Ordinal) { "to_PricingElement", "to_ScheduleLine", "to_Partner", "to_Text" };
    private static readonly HashSet<string> NoNavigation = new(StringComparer.Ordinal);
    private static readonly HashSet<string> KnownOrderTypes = new(StringComparer.Ordinal) { "OR" };

    public static (SapSimSalesOrder? Draft, Failure? Failure) Read(JsonNode? body, SapSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (body is not JsonObject header)
        {
            return (null, new Failure(400, MalformedBody, "The request body is not a valid JSON object"));
        }

        var failure = CheckShape(header, HeaderLengths, HeaderNavigation, "A_SalesOrderType");
        if (failure is not null)
        {
            return (null, failure);
        }

        var o = state.Options;
        var orderType = SapSimJson.Text(header, "SalesOrderType");
        var salesOrg = SapSimJson.Text(header, "SalesOrganization");
        var channel = SapSimJson.Text(header, "DistributionChannel");
        var division = SapSimJson.Text(header, "OrganizationDivision");
        var soldTo = SapSimJson.Text(header, "SoldToParty");
        foreach (var (value, name) in new[] { (orderType, "SalesOrderType"), (salesOrg, "SalesOrganization"), (channel, "DistributionChannel"), (division, "OrganizationDivision"), (soldTo, "SoldToParty") })
        {
            if (string.IsNullOrEmpty(value))
            {
                return (null, new Failure(400, MissingField, $"Enter a value in field {name}", name));
            }
        }

        if (!KnownOrderTypes.Contains(orderType!))
        {
            return (null, new Failure(400, OrderTypeUnknown, $"Sales document type {orderType} is not defined", "SalesOrderType"));
        }

        if (salesOrg != o.SalesOrganization || channel != o.DistributionChannel || division != o.OrganizationDivision)
        {
            return (null, new Failure(400, SalesAreaUnknown, $"Sales area {salesOrg} {channel} {division} is not defined"));
        }

        var currency = SapSimJson.Text(header, "TransactionCurrency") is { Length: > 0 } c ? c : "CNY";
        var itemNodes = SapSimJson.Navigation(header, "to_Item");
        if (itemNodes is null || itemNodes.Count == 0)
        {
            return (null, new Failure(400, MissingField, "Sales document contains no items", "to_Item"));
        }

        var items = new List<SapSimSalesOrderItem>();
        for (var i = 0; i < itemNodes.Count; i++)
        {
            var (item, itemFailure) = ReadItem(itemNodes[i] as JsonObject, i, currency, state);
            if (itemFailure is not null)
            {
                return (null, itemFailure);
            }

            items.Add(item!);
        }

        var now = state.Time.GetUtcNow();
        var draft = new SapSimSalesOrder
        {
            SalesOrder = "",
            SalesOrderType = orderType!,
            SalesOrganization = salesOrg!,
            DistributionChannel = channel!,
            OrganizationDivision = division!,
            SoldToParty = soldTo!,
            PurchaseOrderByCustomer = SapSimJson.Text(header, "PurchaseOrderByCustomer") ?? "",
            SalesOrderDate = SapSimJson.Text(header, "SalesOrderDate") ?? $"/Date({new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).ToUnixTimeMilliseconds()})/",
            TransactionCurrency = currency,
            Items = items,
            HeaderTexts = (SapSimJson.Navigation(header, "to_Text") ?? []).Select(t => SapSimJson.Text(t as JsonObject, "LongText")).OfType<string>().ToList(),
            CreatedAt = now,
        };
        return (draft, null);
    }

    private static (SapSimSalesOrderItem? Item, Failure? Failure) ReadItem(JsonObject? node, int index, string currency, SapSimulatorState state)
    {
        if (node is null)
        {
            return (null, new Failure(400, MalformedBody, $"Item {index + 1} is not a JSON object"));
        }

        var failure = CheckShape(node, ItemLengths, ItemNavigation, "A_SalesOrderItemType");
        if (failure is not null)
        {
            return (null, failure);
        }

        var o = state.Options;
        var number = SapSimJson.Text(node, "SalesOrderItem") is { Length: > 0 } n ? n : ((index + 1) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var material = SapSimJson.Text(node, "Material");
        if (string.IsNullOrEmpty(material))
        {
            return (null, new Failure(400, MissingField, $"Item {number}: enter a material", "Material"));
        }

        var plant = SapSimJson.Text(node, "Plant") is { Length: > 0 } p ? p : o.Plant;
        if (!state.Store.MaterialExists(material))
        {
            return (null, new Failure(400, MaterialUnknown,
                $"Material {material} is not defined for sales org.{o.SalesOrganization}, distr.chan.{o.DistributionChannel}, language EN", "Material"));
        }

        var quantity = SapSimJson.Decimal(node, "RequestedQuantity");
        if (quantity is not > 0)
        {
            return (null, new Failure(400, InvalidValue, $"Item {number}: RequestedQuantity '{SapSimJson.Text(node, "RequestedQuantity")}' is not a positive quantity", "RequestedQuantity"));
        }

        var unit = SapSimJson.Text(node, "RequestedQuantityUnit");
        if (string.IsNullOrEmpty(unit))
        {
            return (null, new Failure(400, MissingField, $"Item {number}: enter a unit of measure", "RequestedQuantityUnit"));
        }

        var category = SapSimJson.Text(node, "SalesOrderItemCategory") is { Length: > 0 } cat ? cat : "TAN";
        var pricing = new List<SapSimPricingElement>();
        foreach (var element in SapSimJson.Navigation(node, "to_PricingElement") ?? [])
        {
            var (condition, conditionFailure) = ReadCondition(element as JsonObject, number, unit, currency, o);
            if (conditionFailure is not null)
            {
                return (null, conditionFailure);
            }

            pricing.Add(condition!);
        }

        var isFree = o.FreeGoodsItemCategories.Contains(category, StringComparer.Ordinal);
        var net = isFree ? 0m : pricing.Sum(c => c.ConditionRateValue * quantity.Value / c.ConditionQuantity);
        return (new SapSimSalesOrderItem
        {
            SalesOrderItem = number,
            Material = material,
            RequestedQuantity = quantity.Value,
            RequestedQuantityUnit = unit,
            SalesOrderItemCategory = category,
            Plant = plant,
            StorageLocation = SapSimJson.Text(node, "StorageLocation") ?? "",
            PricingElements = pricing,
            NetAmount = Math.Round(net, 2, MidpointRounding.AwayFromZero),
        }, null);
    }

    private static (SapSimPricingElement? Condition, Failure? Failure) ReadCondition(
        JsonObject? node, string item, string unit, string currency, SapSimulatorOptions o)
    {
        if (node is null)
        {
            return (null, new Failure(400, MalformedBody, $"Item {item}: a pricing element is not a JSON object"));
        }

        var failure = CheckShape(node, PricingLengths, NoNavigation, "A_SalesOrderItemPrElementType");
        if (failure is not null)
        {
            return (null, failure);
        }

        var type = SapSimJson.Text(node, "ConditionType") ?? "";
        if (!o.ManualConditionTypes.Contains(type, StringComparer.Ordinal))
        {
            return (null, new Failure(400, ConditionNotAllowed, $"Condition {type} is not allowed as header or item condition (manual entry)", "ConditionType"));
        }

        var rate = SapSimJson.Decimal(node, "ConditionRateValue");
        var perQuantity = SapSimJson.Text(node, "ConditionQuantity") is null ? 1m : SapSimJson.Decimal(node, "ConditionQuantity");
        if (rate is not >= 0 || perQuantity is not > 0)
        {
            return (null, new Failure(400, InvalidValue, $"Item {item}: condition {type} needs a non-negative rate and a positive condition quantity", "ConditionRateValue"));
        }

        return (new SapSimPricingElement(
            type, rate.Value, SapSimJson.Text(node, "ConditionCurrency") ?? currency, perQuantity.Value, SapSimJson.Text(node, "ConditionQuantityUnit") ?? unit), null);
    }

    /// <summary>Unknown properties and values over MaxLength are refused by the gateway before SD sees the order.</summary>
    private static Failure? CheckShape(JsonObject node, Dictionary<string, int> lengths, IReadOnlySet<string> navigation, string entityType)
    {
        foreach (var (name, value) in node)
        {
            if (name == "__metadata" || navigation.Contains(name))
            {
                continue;
            }

            if (!lengths.TryGetValue(name, out var max))
            {
                return new Failure(400, InvalidProperty, $"Property '{name}' is invalid for entity type '{entityType}'", name);
            }

            if (max > 0 && value is JsonValue && SapSimJson.Text(node, name) is { } text && text.Length > max)
            {
                return new Failure(400, InvalidValue, $"The value '{text}' of property '{name}' exceeds its maximum length {max}", name);
            }
        }

        return null;
    }
}
