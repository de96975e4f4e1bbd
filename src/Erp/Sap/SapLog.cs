namespace ServerlessSync.Pipeline.Erp.Sap;

internal static partial class SapLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "SAP CSRF token fetched from {BaseUrl} as {UserName}")]
    public static partial void TokenFetched(ILogger logger, string baseUrl, string userName);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "SAP asked for a new CSRF token during {Operation}; fetching one and sending again")]
    public static partial void TokenRequired(ILogger logger, string operation);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "SAP sales order {SalesOrder} created for {Order}")]
    public static partial void Created(ILogger logger, string salesOrder, string order);

    [LoggerMessage(EventId = 4220, Level = LogLevel.Information, Message = "SAP sales order {SalesOrder} reversed: {ItemCount} items carry a rejection reason ({Reason})")]
    public static partial void Reversed(ILogger logger, string salesOrder, int itemCount, string reason);
}
