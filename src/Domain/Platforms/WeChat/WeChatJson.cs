namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>
/// What 微信小店 JSON needs beyond <see cref="PlatformJson"/> (order ids are strings in the order API and JSON numbers
/// above 2^53 in pushes; the shared readers copy both as text).
/// </summary>
internal static class WeChatJson
{
    public static string? NonEmptyString(JsonElement obj, string name) => PlatformJson.NonEmpty(PlatformJson.String(obj, name));

    /// <summary>
    /// A flag WeChat documents inconsistently (e.g. <c>is_free_gift</c>: "1:是赠品" in the doc comment, Boolean in WxJava):
    /// true, 1, "1" and "true" are all true.
    /// </summary>
    public static bool Flag(JsonElement obj, string name) => PlatformJson.Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var v) && v != 0,
        { ValueKind: JsonValueKind.String } s => s.GetString() is "1" || string.Equals(s.GetString(), "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
