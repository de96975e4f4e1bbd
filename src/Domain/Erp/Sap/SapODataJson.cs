namespace ServerlessSync.Domain.Erp.Sap;

/// <summary>
/// Reads OData V2 JSON: an entity is <c>{"d":{...}}</c>, a collection <c>{"d":{"results":[...],"__next":"..."}}</c>
/// (older gateways answer <c>{"d":[...]}</c>). Property values are read as strings so that numbers and ids never pass
/// through a double. Malformed answers throw <see cref="ErpProtocolException"/>.
/// </summary>
public static class SapODataJson
{
    public static IReadOnlyDictionary<string, string?> ReadEntity(string json)
    {
        using var document = ErpJson.ParseDocument(json, "SAP");
        var d = D(document.RootElement);
        return d.ValueKind == JsonValueKind.Object
            ? Flat(d)
            : throw new ErpProtocolException("SAP answered an entity whose 'd' is not an object.");
    }

    public static SapODataPage ReadCollection(string json)
    {
        using var document = ErpJson.ParseDocument(json, "SAP");
        var d = D(document.RootElement);
        JsonElement results;
        string? next = null;
        if (d.ValueKind == JsonValueKind.Array)
        {
            results = d;
        }
        else if (d.ValueKind == JsonValueKind.Object && d.TryGetProperty("results", out results) && results.ValueKind == JsonValueKind.Array)
        {
            next = d.TryGetProperty("__next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        else
        {
            throw new ErpProtocolException("SAP answered a collection without 'd.results'.");
        }

        var rows = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var row in results.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw new ErpProtocolException("SAP collection entry is not an object.");
            }

            rows.Add(Flat(row));
        }

        return new SapODataPage(rows, string.IsNullOrEmpty(next) ? null : next);
    }

    private static JsonElement D(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("d", out var d)
            ? d
            : throw new ErpProtocolException("SAP answered JSON without the OData V2 'd' wrapper.");

    /// <summary>The entity's scalar properties; navigation properties and <c>__metadata</c> are skipped.</summary>
    private static Dictionary<string, string?> Flat(JsonElement entity)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in entity.EnumerateObject())
        {
            if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Undefined))
            {
                values[property.Name] = ErpJson.ReadString(property.Value);
            }
        }

        return values;
    }
}

/// <summary>One page of a collection; <see cref="NextLink"/> is the <c>__next</c> URL (with <c>$skiptoken</c>) when more follow.</summary>
public sealed record SapODataPage(IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows, string? NextLink);
