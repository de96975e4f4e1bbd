using System.Globalization;
using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Sap;

/// <summary>Small readers and writers for OData V2 JSON values (Edm.Decimal travels as a string).</summary>
public static class SapSimJson
{
    public static string Decimal(decimal value, int places) =>
        Math.Round(value, places, MidpointRounding.AwayFromZero).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A string property, or a number/boolean rendered as text; null when absent or null.</summary>
    public static string? Text(JsonObject? obj, string name) => obj?[name] switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public static decimal? Decimal(JsonObject? obj, string name) =>
        decimal.TryParse(Text(obj, name), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>A deep-insert navigation property: a bare array, or V2's <c>{"results":[...]}</c>.</summary>
    public static JsonArray? Navigation(JsonObject? obj, string name) => obj?[name] switch
    {
        JsonArray array => array,
        JsonObject wrapper when wrapper["results"] is JsonArray results => results,
        _ => null,
    };
}
