using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Erp.Sap;

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

    public static ErpSalesOrderLine Line(string material, int quantity, long amountFen, bool gift = false) => new()
    {
        MaterialNumber = material,
        UnitNumber = "Pcs",
        Quantity = quantity,
        AmountFen = amountFen,
        IsGift = gift,
        WarehouseNumber = "CK001",
    };

    public static ErpSalesOrder Order(params ErpSalesOrderLine[] lines) => new()
    {
        ExternalOrderNo = "6921234567890123",
        Platform = "douyin",
        ShopId = "100200300",
        CustomerNumber = "CUST-DOUYIN-01",
        SalesOrgNumber = "100",
        OrderDate = new DateTimeOffset(2025, 6, 18, 16, 30, 5, TimeSpan.Zero),
        TotalAmountFen = lines.Sum(l => l.AmountFen),
        Lines = lines,
    };
}
