using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>Type-tolerant reads of request JSON: numbers may come as numbers or strings.</summary>
internal static class YonBipSimJson
{
    public static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => null,
    };

    public static string? Text(JsonObject? obj, string name) => obj is not null && obj.TryGetPropertyValue(name, out var v) ? Text(v) : null;

    public static decimal? Decimal(JsonObject? obj, string name) =>
        decimal.TryParse(Text(obj, name), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static int? Int(JsonObject? obj, string name) =>
        int.TryParse(Text(obj, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static long? Long(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
