using System.Buffers.Text;
using System.Text.Json.Serialization;

namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>
/// Where a reverse walk over one update-time window stands: the window it belongs to (ms since the epoch), the total
/// the platform reported, the page size, the next page to read (counting down to 1), how often the walk restarted, and
/// what it already returned. Travels as an opaque string: <c>tb1.</c> + base64url(JSON).
/// </summary>
public sealed record TaobaoListCursor
{
    public const string Prefix = "tb1.";

    /// <summary>A malformed or hostile cursor is refused before it is parsed.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("f")]
    public required long FromMs { get; init; }

    [JsonPropertyName("t")]
    public required long ToMs { get; init; }

    [JsonPropertyName("n")]
    public required long Total { get; init; }

    [JsonPropertyName("s")]
    public required int PageSize { get; init; }

    [JsonPropertyName("p")]
    public required int NextPage { get; init; }

    [JsonPropertyName("r")]
    public int Restarts { get; init; }

    [JsonPropertyName("seen")]
    public TaobaoSeenRange? Seen { get; init; }

    public bool IsFor(DateTimeOffset from, DateTimeOffset to) =>
        FromMs == from.ToUnixTimeMilliseconds() && ToMs == to.ToUnixTimeMilliseconds();

    public string Encode() => Prefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <exception cref="FormatException">Not a cursor this code wrote.</exception>
    public static TaobaoListCursor Decode(string text)
    {
        if (text.Length > MaxEncodedLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new TaobaoCursorFormatException("not a Taobao list cursor");
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<TaobaoListCursor>(Base64Url.DecodeFromChars(text.AsSpan(Prefix.Length)), Json)
                ?? throw new FormatException("empty Taobao list cursor");
            return cursor.PageSize is < 1 or > TaobaoIncrementQuery.MaxPageSize || cursor.NextPage < 1 || cursor.Total < 0 ||
                   cursor.Seen is { LowTids: null } or { HighTids: null }
                ? throw new FormatException("Taobao list cursor out of range")
                : cursor;
        }
        catch (Exception ex) when (ex is JsonException or FormatException and not TaobaoCursorFormatException)
        {
            throw new TaobaoCursorFormatException("malformed Taobao list cursor", ex);
        }
    }
}

/// <summary>A list cursor that was not written by <see cref="TaobaoListCursor.Encode"/>.</summary>
public sealed class TaobaoCursorFormatException : FormatException
{
    public TaobaoCursorFormatException(string message) : base(message) { }

    public TaobaoCursorFormatException(string message, Exception inner) : base(message, inner) { }

    public TaobaoCursorFormatException() { }
}
