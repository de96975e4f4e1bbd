namespace ServerlessSync.Pipeline.Erp.YonBip;

internal static partial class YonBipLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "YonBIP access token for app {AppKey} obtained, valid {ExpireSeconds} s")]
    public static partial void TokenObtained(ILogger logger, string appKey, int expireSeconds);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Error, Message = "YonBIP access token for app {AppKey} refused: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string appKey, string reason);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "YonBIP token rejected during {Api}; fetching a new one")]
    public static partial void TokenRejected(ILogger logger, string api);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Information, Message = "YonBIP sales order {Code} ({Order}) is now verifystate {State}")]
    public static partial void Advanced(ILogger logger, string code, string order, string state);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Information, Message = "YonBIP singleSave for {Order} reported a duplicate submission; order id {Id} exists")]
    public static partial void DuplicateSubmission(ILogger logger, string order, string id);

    [LoggerMessage(EventId = 4308, Level = LogLevel.Information, Message = "YonBIP sales order {Code} reversed (deleted): {Reason}")]
    public static partial void Reversed(ILogger logger, string code, string reason);
}
