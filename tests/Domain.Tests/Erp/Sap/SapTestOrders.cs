namespace ServerlessSync.Domain.Tests.Erp.Sap;

internal static class SapTestOrders
{
    public static readonly SapSalesOrderSettings Settings = new()
    {
        SalesOrganization = "1010",
        DistributionChannel = "10",
        OrganizationDivision = "00",
        Plant = "1010",
        StorageLocation = "101A",
        SoldToParties = new Dictionary<string, string> { ["CUST-DOUYIN-01"] = "10100001" },
        Units = new Dictionary<string, string> { ["Pcs"] = "PC" },
    };
}
