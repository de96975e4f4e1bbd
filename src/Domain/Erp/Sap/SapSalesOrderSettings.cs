namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// The SAP organisational data and customizing every sales order is written with. SAP's sales area and plant replace the
/// document's Kingdee-style sales organisation and warehouse numbers, which the connector does not send.
/// </summary>
public sealed record SapSalesOrderSettings
{
    public string SalesOrderType { get; init; } = "OR";

    public required string SalesOrganization { get; init; }

    public required string DistributionChannel { get; init; }

    public required string OrganizationDivision { get; init; }

    public required string Plant { get; init; }

    /// <summary>Empty: left to SAP (determined at delivery).</summary>
    public string StorageLocation { get; init; } = "";

    /// <summary>Manual price condition: <c>PPR0</c> in S/4HANA pricing, <c>PR00</c> in classic SD. Customizing-dependent.</summary>
    public string PriceConditionType { get; init; } = "PPR0";

    /// <summary>Item category of free-goods (gift) items; customizing-dependent, commonly <c>TANN</c>.</summary>
    public string FreeGoodsItemCategory { get; init; } = "TANN";

    /// <summary>Text ID of the header text that carries the order's note (freight, discounts by who bears them).</summary>
    public string HeaderTextId { get; init; } = "0002";

    /// <summary>Language of that header text (OData <c>Language</c>, 2 characters).</summary>
    public string TextLanguage { get; init; } = "ZH";

    /// <summary>ISO currency of the order and its price conditions.</summary>
    public string Currency { get; init; } = "CNY";

    /// <summary>Profile customer number → SAP sold-to party (business partner); unlisted numbers are sent unchanged.</summary>
    public IReadOnlyDictionary<string, string> SoldToParties { get; init; } = new Dictionary<string, string>();

    /// <summary>Profile unit → SAP unit of measure (e.g. "Pcs" → "PC"); unlisted units are sent unchanged.</summary>
    public IReadOnlyDictionary<string, string> Units { get; init; } = new Dictionary<string, string>();

    public string SoldToPartyFor(string customerNumber) =>
        SoldToParties.TryGetValue(customerNumber, out var party) && !string.IsNullOrEmpty(party) ? party : customerNumber;

    public string UnitFor(string unit) => Units.TryGetValue(unit, out var sapUnit) && !string.IsNullOrEmpty(sapUnit) ? sapUnit : unit;
}
