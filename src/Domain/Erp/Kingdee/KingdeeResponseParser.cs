using System.Text.Json;

namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Parses K/3 Cloud answers. Malformed answers throw <see cref="ErpProtocolException"/>.</summary>
public static class KingdeeResponseParser
{
    public static KingdeeWriteResponse ParseWrite(string json)
    {
        using var document = KingdeeJson.ParseDocument(json);
        var root = document.RootElement;
        var status = TryReadResponseStatus(root)
            ?? throw new ErpProtocolException("Kingdee answer has no Result.ResponseStatus.");
        var result = KingdeeJson.TryGetProperty(root, "Result", out var r) ? r : root;
        return new KingdeeWriteResponse(
            status,
            KingdeeJson.ReadStringProperty(result, "Id"),
            KingdeeJson.ReadStringProperty(result, "Number"));
    }

    public static KingdeeQueryResponse ParseQuery(string json)
    {
        using var document = KingdeeJson.ParseDocument(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            var status = TryReadResponseStatus(root)
                ?? throw new ErpProtocolException("Kingdee ExecuteBillQuery answered an object without ResponseStatus.");
            return new KingdeeQueryResponse([], status);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new ErpProtocolException("Kingdee ExecuteBillQuery answered neither an array nor an object.");
        }

        var rows = new List<IReadOnlyList<string?>>();
        foreach (var row in root.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                throw new ErpProtocolException("Kingdee ExecuteBillQuery row is not an array.");
            }

            var cells = new List<string?>();
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind == JsonValueKind.Object)
                {
                    // The error shape [[{"Result":{"ResponseStatus":{...}}}]].
                    var status = TryReadResponseStatus(cell)
                        ?? throw new ErpProtocolException("Kingdee ExecuteBillQuery cell is an object without ResponseStatus.");
                    return new KingdeeQueryResponse([], status);
                }

                cells.Add(KingdeeJson.ReadString(cell));
            }

            rows.Add(cells);
        }

        return new KingdeeQueryResponse(rows, null);
    }

    /// <summary>Reads <c>Result.ResponseStatus</c> (or a top-level <c>ResponseStatus</c>); null when there is none.</summary>
    public static KingdeeResponseStatus? TryReadResponseStatus(JsonElement root)
    {
        var holder = KingdeeJson.TryGetProperty(root, "Result", out var result) ? result : root;
        if (!KingdeeJson.TryGetProperty(holder, "ResponseStatus", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var isSuccess = KingdeeJson.TryGetProperty(status, "IsSuccess", out var s) && (KingdeeJson.ReadBool(s) ?? false);
        var errorCode = KingdeeJson.TryGetProperty(status, "ErrorCode", out var ec) ? KingdeeJson.ReadInt(ec) : null;
        var msgCode = KingdeeJson.TryGetProperty(status, "MsgCode", out var mc) ? KingdeeJson.ReadInt(mc) ?? 0 : 0;
        return new KingdeeResponseStatus(isSuccess, errorCode, msgCode, ReadErrors(status), ReadSuccessEntities(status));
    }

    private static List<KingdeeError> ReadErrors(JsonElement status)
    {
        var errors = new List<KingdeeError>();
        if (KingdeeJson.TryGetProperty(status, "Errors", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                errors.Add(new KingdeeError(
                    KingdeeJson.ReadStringProperty(item, "FieldName"),
                    KingdeeJson.ReadStringProperty(item, "Message") ?? "",
                    KingdeeJson.TryGetProperty(item, "DIndex", out var d) ? KingdeeJson.ReadInt(d) ?? 0 : 0));
            }
        }

        return errors;
    }

    private static List<KingdeeSuccessEntity> ReadSuccessEntities(JsonElement status)
    {
        var entities = new List<KingdeeSuccessEntity>();
        if (KingdeeJson.TryGetProperty(status, "SuccessEntitys", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                entities.Add(new KingdeeSuccessEntity(
                    KingdeeJson.ReadStringProperty(item, "Id"),
                    KingdeeJson.ReadStringProperty(item, "Number"),
                    KingdeeJson.TryGetProperty(item, "DIndex", out var d) ? KingdeeJson.ReadInt(d) ?? 0 : 0));
            }
        }

        return entities;
    }
}
