namespace ServerlessSync.Domain.Erp.Kingdee;

public static class KingdeeAnswerClassifier
{
    public static KingdeeAnswerKind Classify(KingdeeResponseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.IsSuccess)
        {
            return KingdeeAnswerKind.Success;
        }

        return status.MsgCode switch
        {
            KingdeeMsgCodes.ContextLost => KingdeeAnswerKind.SessionLost,
            KingdeeMsgCodes.CallLimit => KingdeeAnswerKind.Throttled,
            KingdeeMsgCodes.DatabaseFailure or KingdeeMsgCodes.NetworkControlConflict => KingdeeAnswerKind.Transient,
            // Some builds leave MsgCode at 0 and only put the context-lost text in the message.
            _ when status.Errors.Any(e => e.Message.Contains(KingdeeMsgCodes.ContextLostMessage, StringComparison.Ordinal)) => KingdeeAnswerKind.SessionLost,
            _ => KingdeeAnswerKind.Rejected,
        };
    }
}
