namespace ServerlessSync.Pipeline.Erp;

internal static partial class ErpBatchLog
{
    [LoggerMessage(EventId = 4900, Level = LogLevel.Information,
        Message = "ERP write batch of {Orders} orders: {Found} found by one look-up, {Created} created, {Rejected} rejected, {Transient} to retry")]
    public static partial void WriteBatch(ILogger logger, int orders, int found, int created, int rejected, int transient);

    [LoggerMessage(EventId = 4901, Level = LogLevel.Warning, Message = "ERP write batch of {Orders} orders failed transiently at {Step}; every order in it will be retried: {Reason}")]
    public static partial void WriteBatchTransient(ILogger logger, int orders, string step, string reason);

    [LoggerMessage(EventId = 4902, Level = LogLevel.Warning,
        Message = "{Erp} create of platform order {ExternalOrderNo} got no answer earlier and may still commit; not created again before a look-up after {Until:O}")]
    public static partial void AwaitingCommitHorizon(ILogger logger, string erp, string externalOrderNo, DateTimeOffset until);
}
