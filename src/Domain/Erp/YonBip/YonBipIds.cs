namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>YonBIP ids are 19-digit numbers: kept as text, written back as a JSON integer (long) when they are one.</summary>
public static class YonBipIds
{
    public static JsonNode ToNode(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(id);
    }
}
