namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>The answer to Save, Submit or Audit: <c>{"Result":{"ResponseStatus":{...},"Id":..,"Number":..,"NeedReturnData":[..]}}</c>.</summary>
public sealed record KingdeeWriteResponse(KingdeeResponseStatus Status, string? Id, string? Number)
{
    public KingdeeAnswerKind Kind => KingdeeAnswerClassifier.Classify(Status);

    /// <summary>The bill number from <c>Result.Number</c>, else the first success entity.</summary>
    public string? BillNumber =>
        !string.IsNullOrEmpty(Number) ? Number : Status.SuccessEntities.Select(e => e.Number).FirstOrDefault(n => !string.IsNullOrEmpty(n));

    /// <summary>The bill id from <c>Result.Id</c>, else the first success entity.</summary>
    public string? BillId =>
        !string.IsNullOrEmpty(Id) && Id != "0" ? Id : Status.SuccessEntities.Select(e => e.Id).FirstOrDefault(n => !string.IsNullOrEmpty(n));
}
