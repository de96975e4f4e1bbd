using System.Globalization;
using System.Text.Json;

namespace ServerlessSync.Domain.Erp.Jushuitan;

/// <summary>Tolerant readers for Jushuitan JSON: numbers may come quoted, booleans as "true"/"false".</summary>
internal static class JushuitanJson
{
    public static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ErpProtocolException("Jushuitan answered a body that is not JSON.", ex);
        }
    }

    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string? ReadString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static string? ReadStringProperty(JsonElement obj, string name) =>
        TryGetProperty(obj, name, out var value) ? ReadString(value) : null;

    public static decimal ReadDecimalProperty(JsonElement obj, string name) =>
        decimal.TryParse(ReadStringProperty(obj, name), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : 0m;

    public static bool ReadBoolProperty(JsonElement obj, string name) =>
        ReadStringProperty(obj, name) is { } text && (bool.TryParse(text, out var b) ? b : text == "1");
}
