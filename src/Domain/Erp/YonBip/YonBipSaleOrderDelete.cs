namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// <c>sd/voucherorder/delete</c>: <c>{"data":{"resubmitCheckKey":"…","id":[...],"code":[...]}}</c> (an MDD idempotent
/// API). The key is derived from the order id alone, so a retried delete replays the first result.
/// </summary>
public static class YonBipSaleOrderDelete
{
    public static string ResubmitCheckKey(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var key = "del" + id;
        return key.Length <= YonBipResubmitCheckKey.MaxLength ? key : key[..YonBipResubmitCheckKey.MaxLength];
    }

    public static string BuildBody(string id, string code)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["resubmitCheckKey"] = ResubmitCheckKey(id),
                ["id"] = new JsonArray(YonBipIds.ToNode(id)),
                ["code"] = new JsonArray(code),
            },
        }.ToJsonString();
    }
}
