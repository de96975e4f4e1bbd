namespace ServerlessSync.Pipeline.Erp.Kingdee;

internal static partial class KingdeeLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Kingdee login to {BaseUrl} as {UserName} succeeded")]
    public static partial void LoggedIn(ILogger logger, string baseUrl, string userName);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Kingdee login to {BaseUrl} as {UserName} refused: {Reason}")]
    public static partial void LoginRefused(ILogger logger, string baseUrl, string userName, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Kingdee session lost during {Service}; logging in again")]
    public static partial void SessionLost(ILogger logger, string service);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "Kingdee sales order {BillNo} ({Order}) is now {Status}")]
    public static partial void Advanced(ILogger logger, string billNo, string order, string status);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "Kingdee sales order {BillNo} reversed (deleted): {Reason}")]
    public static partial void Reversed(ILogger logger, string billNo, string reason);
}
