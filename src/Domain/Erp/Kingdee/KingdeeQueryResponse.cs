namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// The answer to ExecuteBillQuery: a bare 2-D array of cells in FieldKeys order, or, when the call failed,
/// a ResponseStatus (real K/3 Cloud wraps it as <c>[[{"Result":{"ResponseStatus":{...}}}]]</c>).
/// Cells are kept as strings so that ids never pass through a double.
/// </summary>
public sealed record KingdeeQueryResponse(IReadOnlyList<IReadOnlyList<string?>> Rows, KingdeeResponseStatus? Error)
{
    public bool IsSuccess => Error is null;

    public KingdeeAnswerKind Kind => Error is null ? KingdeeAnswerKind.Success : KingdeeAnswerClassifier.Classify(Error);
}
