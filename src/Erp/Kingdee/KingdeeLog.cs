namespace ServerlessSync.Pipeline.Erp.Kingdee;

internal static partial class KingdeeLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Kingdee login to {BaseUrl} as {UserName} succeeded")]
    public static partial void LoggedIn(ILogger logger, string baseUrl, string userName);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Kingdee login to {BaseUrl} as {UserName} refused: {Reason}")]
    public static partial void LoginRefused(ILogger logger, string baseUrl, string userName, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Kingdee session lost during {Service}; logging in again")]
    public static partial void SessionLost(ILogger logger, string service);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Kingdee {Service} failed transiently: {Reason}")]
    public static partial void Transient(ILogger logger, string service, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Kingdee refused {Step} for {Order}: {Reason}")]
    public static partial void Refused(ILogger logger, string step, string order, string reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Kingdee sales order {BillNo} ({Order}) is now {Status}")]
    public static partial void Advanced(ILogger logger, string billNo, string order, string status);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Kingdee holds {Count} sales orders for platform order {ExternalOrderNo}; using {BillNo}")]
    public static partial void DuplicateBills(ILogger logger, int count, string externalOrderNo, string billNo);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Kingdee sales order {BillNo} reversed (deleted): {Reason}")]
    public static partial void Reversed(ILogger logger, string billNo, string reason);
}
