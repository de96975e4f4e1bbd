namespace ServerlessSync.Pipeline.Erp;

/// <summary>What every ERP connector logs alike, with the ERP (<c>ConnectorKind</c>) named; each connector's own steps are in its <c>*Log</c>.</summary>
internal static partial class ErpConnectorLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "{Erp} {Operation} failed transiently: {Reason}")]
    public static partial void Transient(ILogger logger, string erp, string operation, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "{Erp} refused {Step} for {Order}: {Reason}")]
    public static partial void Refused(ILogger logger, string erp, string step, string order, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "{Erp} holds {Count} sales orders for platform order {ExternalOrderNo}; using {Number}")]
    public static partial void DuplicateOrders(ILogger logger, string erp, int count, string externalOrderNo, string number);
}
