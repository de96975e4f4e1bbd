namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// The SAP side of the demo: the sales area, plant and customer the simulator knows, in SAP's own shapes (the demo
/// catalogue's customer and warehouse numbers are Kingdee-style and too long for SAP's fields, so the connector's
/// <c>Erp:Sap:SoldToParties</c> maps the profile customer to <see cref="SoldToParty"/>). Values follow the S/4HANA
/// best-practice sample company 1010.
/// </summary>
public static class SapSimCatalog
{
    public const string SalesOrganization = "1010";
    public const string DistributionChannel = "10";
    public const string OrganizationDivision = "00";
    public const string Plant = "1010";
    public const string StorageLocation = "101A";
    public const string SoldToParty = "10100001";
    public const string BaseUnit = "PC";

    /// <summary>A second plant whose stock must not count toward <see cref="Plant"/>.</summary>
    public const string OtherPlant = "1710";
    public const string OtherStorageLocation = "171A";

    public const string UnrestrictedUse = "01";
    public const string Blocked = "07";

    /// <summary>Blocked stock and stock in <see cref="OtherPlant"/> seeded beside every material's unrestricted stock.</summary>
    public const decimal SeededBlockedStock = 10m;
    public const decimal SeededOtherPlantStock = 100m;

    public const long FirstSalesOrder = 5_000_000;
}
