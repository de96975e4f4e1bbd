namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>The 201 answer to a create: <c>{"d":{"SalesOrder":"5000123",...}}</c>, SalesOrder filled with the new number.</summary>
public static class SapCreatedSalesOrder
{
    public static string ParseNumber(string json)
    {
        var entity = SapODataJson.ReadEntity(json);
        var number = entity.GetValueOrDefault(SapSalesOrderQueries.SalesOrderField);
        return string.IsNullOrEmpty(number)
            ? throw new ErpProtocolException("SAP created the sales order without returning its SalesOrder number.")
            : number;
    }
}
