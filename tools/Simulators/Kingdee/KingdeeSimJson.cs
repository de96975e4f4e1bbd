using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>Case-insensitive, type-tolerant reads of request JSON, as the K/3 Cloud server does them.</summary>
internal static class KingdeeSimJson
{
    public static JsonNode? Get(JsonObject? obj, string name)
    {
        if (obj is null)
        {
            return null;
        }

        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    public static string? Text(JsonObject? obj, string name) => Text(Get(obj, name));

    /// <summary>A base-data reference: <c>{"FNumber":"..."}</c> (any casing) or a bare string.</summary>
    public static string? Number(JsonObject? obj, string name) => Get(obj, name) switch
    {
        JsonObject reference => Text(reference, "FNumber"),
        var other => Text(other),
    };

    public static decimal? Decimal(JsonObject? obj, string name) =>
        decimal.TryParse(Text(obj, name), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static long? Long(JsonObject? obj, string name) =>
        long.TryParse(Text(obj, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static bool Flag(JsonObject? obj, string name) =>
        bool.TryParse(Text(obj, name), out var b) && b;

    /// <summary>Data may be an object or a JSON string holding one.</summary>
    public static JsonObject? AsObject(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        var text = Text(node);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
