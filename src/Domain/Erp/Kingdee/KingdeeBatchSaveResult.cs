namespace ServerlessSync.Domain.Erp.Kingdee;

public enum KingdeeBatchItemKind
{
    /// <summary>The bill was saved (and, with IsAutoSubmitAndAudit, submitted and audited): <c>SuccessEntitys</c> names it.</summary>
    Saved = 0,

    /// <summary>The server refused this row: <c>Errors</c> point at it by <c>DIndex</c>, or the whole call was refused.</summary>
    Refused = 1,

    /// <summary>The answer says nothing about this row; whether it was saved is unknown until it is looked up again.</summary>
    Unanswered = 2,
}

/// <summary>What a BatchSave answer says about one input row.</summary>
public sealed record KingdeeBatchItem(KingdeeBatchItemKind Kind, string? BillNumber, string? Reason);

/// <summary>
/// Reads a BatchSave <c>ResponseStatus</c> row by row: <c>SuccessEntitys[].DIndex</c> names the saved rows and
/// <c>Errors[].DIndex</c> the refused ones, so one bad order does not refuse the others. When nothing was saved and
/// the MsgCode is about the call rather than a row (no permission, parameter error, unknown form...), every row is
/// refused with the server's text.
/// </summary>
public static class KingdeeBatchSaveResult
{
    private static readonly HashSet<int> CallLevelMsgCodes =
    [
        KingdeeMsgCodes.NoPermission,
        KingdeeMsgCodes.OperationIdEmpty,
        KingdeeMsgCodes.Exception,
        KingdeeMsgCodes.FormIdEmpty,
        KingdeeMsgCodes.LicenceError,
        KingdeeMsgCodes.ParameterError,
        KingdeeMsgCodes.AdminLoginForbidden,
    ];

    /// <summary>One item per input row, in input order. A DIndex outside the rows sent is a protocol error.</summary>
    public static IReadOnlyList<KingdeeBatchItem> PerDocument(KingdeeResponseStatus status, int documentCount)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documentCount);
        foreach (var index in status.SuccessEntities.Select(e => e.DIndex).Concat(status.Errors.Select(e => e.DIndex)))
        {
            if (index < 0 || index >= documentCount)
            {
                throw new ErpProtocolException($"Kingdee BatchSave answered about row {index}, but {documentCount} were sent.");
            }
        }

        if (!status.IsSuccess && status.SuccessEntities.Count == 0 && CallLevelMsgCodes.Contains(status.MsgCode))
        {
            var reason = status.ErrorText();
            return Enumerable.Range(0, documentCount).Select(_ => new KingdeeBatchItem(KingdeeBatchItemKind.Refused, null, reason)).ToList();
        }

        var items = new KingdeeBatchItem[documentCount];
        for (var i = 0; i < documentCount; i++)
        {
            items[i] = ItemAt(status, i, documentCount);
        }

        return items;
    }

    private static KingdeeBatchItem ItemAt(KingdeeResponseStatus status, int index, int documentCount)
    {
        var saved = status.SuccessEntities.FirstOrDefault(e => e.DIndex == index);
        if (saved is not null)
        {
            return string.IsNullOrEmpty(saved.Number)
                ? throw new ErpProtocolException($"Kingdee BatchSave saved row {index} without returning its bill number.")
                : new KingdeeBatchItem(KingdeeBatchItemKind.Saved, saved.Number, null);
        }

        var errors = status.Errors.Where(e => e.DIndex == index).ToList();
        if (errors.Count > 0)
        {
            var reason = string.Join("; ", errors.Select(e => string.IsNullOrEmpty(e.FieldName) ? e.Message : $"{e.FieldName}: {e.Message}"));
            return new KingdeeBatchItem(KingdeeBatchItemKind.Refused, null, reason);
        }

        // A single-row refusal without row errors is still about that row.
        return documentCount == 1 && !status.IsSuccess
            ? new KingdeeBatchItem(KingdeeBatchItemKind.Refused, null, status.ErrorText())
            : new KingdeeBatchItem(KingdeeBatchItemKind.Unanswered, null, $"Kingdee BatchSave said nothing about row {index}");
    }
}
