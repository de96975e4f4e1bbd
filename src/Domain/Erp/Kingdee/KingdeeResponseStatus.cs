namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary><c>Result.ResponseStatus</c> of a K/3 Cloud answer.</summary>
public sealed record KingdeeResponseStatus(
    bool IsSuccess,
    int? ErrorCode,
    int MsgCode,
    IReadOnlyList<KingdeeError> Errors,
    IReadOnlyList<KingdeeSuccessEntity> SuccessEntities)
{
    /// <summary>The error messages joined, with the field name where the server gave one.</summary>
    public string ErrorText()
    {
        if (Errors.Count == 0)
        {
            return $"Kingdee call failed (MsgCode {MsgCode}, ErrorCode {ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
        }

        return string.Join("; ", Errors.Select(e => string.IsNullOrEmpty(e.FieldName) ? e.Message : $"{e.FieldName}: {e.Message}"));
    }
}

/// <summary>One <c>Errors[]</c> item. <c>DIndex</c> is the index of the input row it refers to.</summary>
public sealed record KingdeeError(string? FieldName, string Message, int DIndex);

/// <summary>One <c>SuccessEntitys[]</c> item (the server's spelling).</summary>
public sealed record KingdeeSuccessEntity(string? Id, string? Number, int DIndex);
