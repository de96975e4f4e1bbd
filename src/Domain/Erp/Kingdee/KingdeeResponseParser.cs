namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>Parses K/3 Cloud answers. Malformed answers throw <see cref="ErpProtocolException"/>.</summary>
public static class KingdeeResponseParser
{
    public static KingdeeWriteResponse ParseWrite(string json)
    {
        using var document = ErpJson.ParseDocument(json, "Kingdee");
        var root = document.RootElement;
        var status = TryReadResponseStatus(root)
            ?? throw new ErpProtocolException("Kingdee answer has no Result.ResponseStatus.");
        var result = ErpJson.TryGetProperty(root, "Result", out var r) ? r : root;
        return new KingdeeWriteResponse(
            status,
            ErpJson.ReadStringProperty(result, "Id"),
            ErpJson.ReadStringProperty(result, "Number"));
    }

    public static KingdeeQueryResponse ParseQuery(string json)
    {
        using var document = ErpJson.ParseDocument(json, "Kingdee");
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

                cells.Add(ErpJson.ReadString(cell));
            }

            rows.Add(cells);
        }

        return new KingdeeQueryResponse(rows, null);
    }

    /// <summary>Reads <c>Result.ResponseStatus</c> (or a top-level <c>ResponseStatus</c>); null when there is none.</summary>
    public static KingdeeResponseStatus? TryReadResponseStatus(JsonElement root)
    {
        var holder = ErpJson.TryGetProperty(root, "Result", out var result) ? result : root;
        if (!ErpJson.TryGetProperty(holder, "ResponseStatus", out var status) || status.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var isSuccess = ErpJson.ReadBoolProperty(status, "IsSuccess") ?? false;
        var errorCode = ErpJson.ReadIntProperty(status, "ErrorCode");
        var msgCode = ErpJson.ReadIntProperty(status, "MsgCode") ?? 0;
        return new KingdeeResponseStatus(isSuccess, errorCode, msgCode, ReadErrors(status), ReadSuccessEntities(status));
    }

    private static List<KingdeeError> ReadErrors(JsonElement status)
    {
        var errors = new List<KingdeeError>();
        if (ErpJson.TryGetArray(status, "Errors", out var array))
        {
            foreach (var item in array.EnumerateArray())
            {
                errors.Add(new KingdeeError(
                    ErpJson.ReadStringProperty(item, "FieldName"),
                    ErpJson.ReadStringProperty(item, "Message") ?? "",
                    ErpJson.ReadIntProperty(item, "DIndex") ?? 0));
            }
        }

        return errors;
    }

    private static List<KingdeeSuccessEntity> ReadSuccessEntities(JsonElement status)
    {
        var entities = new List<KingdeeSuccessEntity>();
        if (ErpJson.TryGetArray(status, "SuccessEntitys", out var array))
        {
            foreach (var item in array.EnumerateArray())
            {
                entities.Add(new KingdeeSuccessEntity(
                    ErpJson.ReadStringProperty(item, "Id"),
                    ErpJson.ReadStringProperty(item, "Number"),
                    ErpJson.ReadIntProperty(item, "DIndex") ?? 0));
            }
        }

        return entities;
    }
}
