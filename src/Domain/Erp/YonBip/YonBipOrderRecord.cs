namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>Reads a sales order from a list record or a detail <c>data</c> into an <see cref="ErpOrderRef"/>.</summary>
public static class YonBipOrderRecord
{
    /// <summary><c>verifystate</c>, else the state implied by <c>nextStatus</c>, else null.</summary>
    public static string? StateOf(JsonElement record)
    {
        var state = ErpJson.ReadStringProperty(record, "verifystate");
        return !string.IsNullOrEmpty(state) ? state : YonBipVerifyState.FromNextStatus(ErpJson.ReadStringProperty(record, "nextStatus"));
    }

    /// <summary>The order's id, code and state, and the platform order number its header define carries (null when absent).</summary>
    public static ErpOrderRef Read(JsonElement record, string externalOrderNoDefine = YonBipHeadDefines.ExternalOrderNo)
    {
        var id = ErpJson.ReadStringProperty(record, "id");
        var code = ErpJson.ReadStringProperty(record, "code");
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(code))
        {
            throw new ErpProtocolException("YonBIP sales order record lacks id or code.");
        }

        return new ErpOrderRef(
            code, id, StateOf(record) ?? "", ExternalOrderNoOf(record, externalOrderNoDefine),
            ErpAmount.FenFromYuan(ErpJson.ReadStringProperty(record, "payMoney"), $"YonBIP payMoney of {code}"));
    }

    /// <summary><c>headItem.defineN</c> of a record, also accepted flat as <c>headItem.defineN</c> or <c>defineN</c>.</summary>
    private static string? ExternalOrderNoOf(JsonElement record, string define)
    {
        if (ErpJson.TryGetProperty(record, YonBipHeadDefines.HeadItem, out var head) && head.ValueKind == JsonValueKind.Object
            && ErpJson.ReadStringProperty(head, define) is { Length: > 0 } nested)
        {
            return nested;
        }

        return ErpJson.ReadStringProperty(record, YonBipHeadDefines.FieldName(define)) is { Length: > 0 } flat
            ? flat
            : ErpJson.ReadStringProperty(record, define);
    }

    public static ErpOrderRef ParseDetail(YonBipResponse response, string externalOrderNoDefine = YonBipHeadDefines.ExternalOrderNo)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Data.ValueKind == JsonValueKind.Object
            ? Read(response.Data, externalOrderNoDefine)
            : throw new ErpProtocolException("YonBIP voucherorder/detail answered without a data object.");
    }
}
