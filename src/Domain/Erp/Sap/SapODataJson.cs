using System.Text.Json;

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
        using var document = Parse(json);
        var d = D(document.RootElement);
        return d.ValueKind == JsonValueKind.Object
            ? Flat(d)
            : throw new ErpProtocolException("SAP answered an entity whose 'd' is not an object.");
    }

    public static SapODataPage ReadCollection(string json)
    {
        using var document = Parse(json);
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

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ErpProtocolException("SAP answered a body that is not JSON.", ex);
        }
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
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    values[property.Name] = property.Value.GetString();
                    break;
                case JsonValueKind.Number:
                    values[property.Name] = property.Value.GetRawText();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.True ? "true" : "false";
                    break;
                case JsonValueKind.Null:
                    values[property.Name] = null;
                    break;
            }
        }

        return values;
    }
}

/// <summary>One page of a collection; <see cref="NextLink"/> is the <c>__next</c> URL (with <c>$skiptoken</c>) when more follow.</summary>
public sealed record SapODataPage(IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows, string? NextLink);
