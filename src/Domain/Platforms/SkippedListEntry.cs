namespace ServerlessSync.Domain.Platforms;

/// <summary>
/// An entry of a platform's order list that cannot be read (an order id that is not an id, a missing update time). The pull
/// skips it and pulls the rest of the page; a person gets the reason and an excerpt of the entry's id and time fields
/// only, so no buyer field is ever kept.
/// </summary>
public sealed record SkippedListEntry(string Reason, string Excerpt)
{
    /// <summary>Each kept field is cut to this many characters.</summary>
    public const int MaxFieldChars = 64;

    /// <param name="fields">The id and time fields worth showing a person; nothing else of the entry is kept. None: the entry is an id-list value, kept as it is (cut).</param>
    public static SkippedListEntry Of(JsonElement entry, string reason, params string[] fields)
    {
        if (entry.ValueKind != JsonValueKind.Object || fields.Length == 0)
        {
            return new SkippedListEntry(reason, Cut(entry.GetRawText()));
        }

        var excerpt = new JsonObject();
        foreach (var field in fields)
        {
            if (entry.TryGetProperty(field, out var value))
            {
                excerpt[field] = Cut(value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText());
            }
        }

        return new SkippedListEntry(reason, excerpt.ToJsonString());
    }

    private static string Cut(string text) => text.Length <= MaxFieldChars ? text : text[..MaxFieldChars] + "…";
}
