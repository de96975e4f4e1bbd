namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>Maximum lengths of the API_SALES_ORDER_SRV properties the connector writes (Edm.String MaxLength in the service metadata).</summary>
public static class SapFieldLengths
{
    public const int SalesOrderType = 4;
    public const int SalesOrganization = 4;
    public const int DistributionChannel = 2;
    public const int OrganizationDivision = 2;
    public const int SoldToParty = 10;
    public const int PurchaseOrderByCustomer = 35;
    public const int TransactionCurrency = 5;
    public const int SalesOrderItem = 6;
    public const int Material = 40;
    public const int RequestedQuantityUnit = 3;
    public const int SalesOrderItemCategory = 4;
    public const int Plant = 4;
    public const int StorageLocation = 4;
    public const int ConditionType = 4;
    public const int ConditionCurrency = 5;

    /// <summary><c>ConditionQuantity</c> is Edm.Decimal(5,0).</summary>
    public const int MaxConditionQuantity = 99_999;
}
