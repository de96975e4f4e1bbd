using System.Text.Json;

namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>Reads a sales order from a list record or a detail <c>data</c> into an <see cref="ErpOrderRef"/>.</summary>
public static class YonBipOrderRecord
{
    /// <summary><c>verifystate</c>, else the state implied by <c>nextStatus</c>, else null.</summary>
    public static string? StateOf(JsonElement record)
    {
        var state = YonBipJson.ReadStringProperty(record, "verifystate");
        return !string.IsNullOrEmpty(state) ? state : YonBipVerifyState.FromNextStatus(YonBipJson.ReadStringProperty(record, "nextStatus"));
    }

    public static ErpOrderRef Read(JsonElement record)
    {
        var id = YonBipJson.ReadStringProperty(record, "id");
        var code = YonBipJson.ReadStringProperty(record, "code");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(code))
        {
            throw new ErpProtocolException("YonBIP sales order record lacks id or code.");
        }

        return new ErpOrderRef(code, id, StateOf(record) ?? "");
    }

    public static ErpOrderRef ParseDetail(YonBipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Data.ValueKind == JsonValueKind.Object
            ? Read(response.Data)
            : throw new ErpProtocolException("YonBIP voucherorder/detail answered without a data object.");
    }
}
