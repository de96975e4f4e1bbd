namespace ServerlessSync.Domain.Erp;

/// <summary>
/// The one tolerant reader for the loosely typed JSON every ERP answers: the same field arrives as a number in one
/// build and a string in another (Kingdee <c>IsSuccess</c> as "false", YonBIP codes as <c>200</c> or <c>"200"</c>,
/// Jushuitan amounts quoted), names differ in case between versions, and fields go missing. Numbers are read from
/// their raw text, never through a double, so 19-digit ids survive. A missing or unreadable value reads as null.
/// </summary>
public static class ErpJson
{
    private const NumberStyles DecimalStyles = NumberStyles.Number | NumberStyles.AllowExponent;

    /// <summary>Parses an answer; a body that is not JSON is a protocol error naming <paramref name="erp"/>.</summary>
    public static JsonDocument ParseDocument(string json, string erp)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ErpProtocolException($"{erp} answered a body that is not JSON.", ex);
        }
    }

    /// <summary>The property by its exact name, else by the first name equal but for case; false on a non-object.</summary>
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

    /// <summary>The property when it is an array: the list inside a result envelope (<c>data.datas</c>, <c>Errors</c>).</summary>
    public static bool TryGetArray(JsonElement obj, string name, out JsonElement array)
    {
        if (TryGetProperty(obj, name, out array) && array.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        array = default;
        return false;
    }

    /// <summary>A scalar as text: strings as they are, numbers as their raw text, booleans as "true"/"false"; else null.</summary>
    public static string? ReadString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    public static int? ReadInt(JsonElement value) =>
        int.TryParse(ReadString(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    public static decimal? ReadDecimal(JsonElement value) =>
        decimal.TryParse(ReadString(value), DecimalStyles, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>true/false as JSON booleans, as "true"/"false" in any case, or as 1/0 (quoted or not); else null.</summary>
    public static bool? ReadBool(JsonElement value) => ReadString(value) switch
    {
        null => null,
        "1" => true,
        "0" => false,
        var text => bool.TryParse(text, out var b) ? b : null,
    };

    public static string? ReadStringProperty(JsonElement obj, string name) =>
        TryGetProperty(obj, name, out var value) ? ReadString(value) : null;

    public static int? ReadIntProperty(JsonElement obj, string name) =>
        TryGetProperty(obj, name, out var value) ? ReadInt(value) : null;

    public static decimal? ReadDecimalProperty(JsonElement obj, string name) =>
        TryGetProperty(obj, name, out var value) ? ReadDecimal(value) : null;

    public static bool? ReadBoolProperty(JsonElement obj, string name) =>
        TryGetProperty(obj, name, out var value) ? ReadBool(value) : null;
}
