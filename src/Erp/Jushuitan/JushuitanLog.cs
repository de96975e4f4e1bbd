namespace ServerlessSync.Pipeline.Erp.Jushuitan;

internal static partial class JushuitanLog
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Error, Message = "Jushuitan refused the credentials on {Api}: {Reason}")]
    public static partial void AuthFailed(ILogger logger, string api, string reason);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Jushuitan order {OId} holds platform order {SoId} ({Verdict})")]
    public static partial void Uploaded(ILogger logger, string oId, string soId, string verdict);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Information, Message = "Jushuitan order {OId} (platform order {SoId}) closed: {Reason}")]
    public static partial void Closed(ILogger logger, string oId, string soId, string reason);
}
