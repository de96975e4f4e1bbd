namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Submit, Audit, UnAudit and Delete bodies. <c>Numbers</c> is an array; <c>Ids</c> is a comma-separated string.</summary>
public static class KingdeeOperationRequest
{
    public static string Submit(string formId, IReadOnlyCollection<string> numbers, IReadOnlyCollection<string>? ids = null) =>
        KingdeeEnvelope.Raw(formId, new JsonObject
        {
            ["CreateOrgId"] = 0,
            ["Numbers"] = ToArray(numbers),
            ["Ids"] = JoinIds(ids),
            ["SelectedPostId"] = 0,
            ["NetworkCtrl"] = "",
            ["IgnoreInterationFlag"] = "",
        });

    public static string Audit(string formId, IReadOnlyCollection<string> numbers, IReadOnlyCollection<string>? ids = null) =>
        KingdeeEnvelope.Raw(formId, new JsonObject
        {
            ["CreateOrgId"] = 0,
            ["Numbers"] = ToArray(numbers),
            ["Ids"] = JoinIds(ids),
            ["InterationFlags"] = "",
            ["NetworkCtrl"] = "",
            ["IsVerifyProcInst"] = "",
            ["IgnoreInterationFlag"] = "",
        });

    /// <summary>UnAudit takes the same body as Audit; it returns an audited (C) bill to 重新审核 (D).</summary>
    public static string UnAudit(string formId, IReadOnlyCollection<string> numbers, IReadOnlyCollection<string>? ids = null) =>
        Audit(formId, numbers, ids);

    public static string Delete(string formId, IReadOnlyCollection<string> numbers, IReadOnlyCollection<string>? ids = null) =>
        KingdeeEnvelope.Raw(formId, new JsonObject
        {
            ["CreateOrgId"] = 0,
            ["Numbers"] = ToArray(numbers),
            ["Ids"] = JoinIds(ids),
            ["NetworkCtrl"] = "",
        });

    private static JsonArray ToArray(IReadOnlyCollection<string> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        return new JsonArray(numbers.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
    }

    private static string JoinIds(IReadOnlyCollection<string>? ids) => ids is null ? "" : string.Join(',', ids);
}
