namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// What singleSave's <c>data</c> tells: the order id and, when given, its code and state. The exact success
/// <c>data</c> is undocumented (the reference's example has id, code and resubmitCheckKey); a duplicate
/// submission (100004) carries only <c>{"id":...}</c>.
/// </summary>
public sealed record YonBipSaveResult(string Id, string? Code, string? VerifyState)
{
    public static YonBipSaveResult FromData(YonBipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Data.ValueKind != JsonValueKind.Object)
        {
            throw new ErpProtocolException($"YonBIP singleSave answered {response.Code} without a data object.");
        }

        var id = ErpJson.ReadStringProperty(response.Data, "id");
        if (string.IsNullOrEmpty(id))
        {
            throw new ErpProtocolException($"YonBIP singleSave answered {response.Code} without the order id.");
        }

        var code = ErpJson.ReadStringProperty(response.Data, "code");
        return new YonBipSaveResult(id, string.IsNullOrEmpty(code) ? null : code, YonBipOrderRecord.StateOf(response.Data));
    }
}
