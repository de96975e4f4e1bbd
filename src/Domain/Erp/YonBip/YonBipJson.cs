using System.Globalization;
using System.Text.Json;

namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// Tolerant readers for YonBIP JSON. Codes arrive as <c>200</c> or <c>"200"</c>, and ids are 19-digit numbers that a
/// double would corrupt, so numbers are read as their raw text.
/// </summary>
internal static class YonBipJson
{
    public static JsonDocument ParseDocument(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ErpProtocolException("YonBIP answered a body that is not JSON.", ex);
        }
    }

    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object)
        {
            if (obj.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var property in obj.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
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

    public static int? ReadIntProperty(JsonElement obj, string name) =>
        int.TryParse(ReadStringProperty(obj, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static decimal? ReadDecimalProperty(JsonElement obj, string name) =>
        decimal.TryParse(ReadStringProperty(obj, name), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;
}
