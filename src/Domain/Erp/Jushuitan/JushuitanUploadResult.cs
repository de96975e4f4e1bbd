namespace ServerlessSync.Domain.Erp.Jushuitan;

public enum JushuitanUploadVerdict
{
    Created = 0,

    /// <summary>The shop already holds this so_id: the order is in the ERP.</summary>
    AlreadyExists = 1,

    Refused = 2,
}

/// <summary>One <c>data.datas[]</c> element of orders/upload: <c>{"o_id","so_id","issuccess","msg"}</c>.</summary>
public sealed record JushuitanUploadItem(string SoId, string? OId, bool IsSuccess, string Message)
{
    /// <summary>
    /// Refusal texts that mean "this so_id is already in the shop" (so_id is unique per shop). The exact wording is
    /// not in the reference; these are the phrasings we expect and the simulator uses.
    /// </summary>
    public static readonly IReadOnlyList<string> AlreadyExistsMarkers = ["已存在", "重复"];

    public JushuitanUploadVerdict Verdict => IsSuccess
        ? JushuitanUploadVerdict.Created
        : AlreadyExistsMarkers.Any(m => Message.Contains(m, StringComparison.Ordinal)) ? JushuitanUploadVerdict.AlreadyExists : JushuitanUploadVerdict.Refused;

    public bool HasOId => !string.IsNullOrEmpty(OId) && OId != "0";
}

public static class JushuitanUploadResult
{
    /// <summary>Reads every element; check each one's <c>issuccess</c>.</summary>
    public static IReadOnlyList<JushuitanUploadItem> Parse(JushuitanResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.RequireData("orders/upload");
        if (!ErpJson.TryGetProperty(data, "datas", out var datas) || datas.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("Jushuitan orders/upload answered without data.datas[].");
        }

        return datas.EnumerateArray().Select(item => new JushuitanUploadItem(
            ErpJson.ReadStringProperty(item, "so_id") ?? "",
            ErpJson.ReadStringProperty(item, "o_id"),
            ErpJson.ReadBoolProperty(item, "issuccess") ?? false,
            ErpJson.ReadStringProperty(item, "msg") ?? "")).ToList();
    }
}
