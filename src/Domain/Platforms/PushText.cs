using System.Text.Unicode;

namespace ServerlessSync.Domain.Platforms;

/// <summary>
/// Text a push may not carry even when its signature is valid: bytes that are not UTF-8, and JSON strings whose escapes
/// do not make text (a lone surrogate such as <c>\ud800</c>). Either would fail later, when a field is read or the body is
/// written to the queue, so the adapters refuse such a push with 400 before anything is stored.
/// </summary>
public static class PushText
{
    public const string InvalidUtf8 = "body is not valid UTF-8";

    public const string InvalidText = "body holds a JSON string that is not valid text (a lone surrogate escape)";

    public static bool IsUtf8(ReadOnlySpan<byte> bytes) => Utf8.IsValid(bytes);

    /// <summary>True when every property name and string value in <paramref name="element"/> decodes to valid UTF-16.</summary>
    public static bool IsReadable(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Decodes(property.Value, property) || !IsReadable(property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                return element.EnumerateArray().All(IsReadable);
            case JsonValueKind.String:
                return Decodes(element, null);
            default:
                return true;
        }
    }

    private static bool Decodes(JsonElement value, JsonProperty? property)
    {
        try
        {
            _ = property?.Name;
            if (value.ValueKind == JsonValueKind.String)
            {
                _ = value.GetString();
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reports text it cannot transcode (invalid UTF-8, a lone surrogate escape) this way.
            return false;
        }
    }
}
