namespace ServerlessSync.Pipeline.Erp.Sap;

internal static partial class SapLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "SAP CSRF token fetched from {BaseUrl} as {UserName}")]
    public static partial void TokenFetched(ILogger logger, string baseUrl, string userName);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "SAP asked for a new CSRF token during {Operation}; fetching one and sending again")]
    public static partial void TokenRequired(ILogger logger, string operation);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "SAP {Operation} failed transiently: {Reason}")]
    public static partial void Transient(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "SAP refused {Operation} for {Order}: {Reason}")]
    public static partial void Refused(ILogger logger, string operation, string order, string reason);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Information, Message = "SAP sales order {SalesOrder} created for {Order}")]
    public static partial void Created(ILogger logger, string salesOrder, string order);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "SAP holds {Count} sales orders for platform order {ExternalOrderNo}; using {SalesOrder}")]
    public static partial void DuplicateOrders(ILogger logger, int count, string externalOrderNo, string salesOrder);

    [LoggerMessage(EventId = 4320, Level = LogLevel.Information, Message = "SAP sales order {SalesOrder} reversed: {ItemCount} items carry a rejection reason ({Reason})")]
    public static partial void Reversed(ILogger logger, string salesOrder, int itemCount, string reason);
}
