using System.Text.Encodings.Web;

namespace ServerlessSync.Domain.Platforms;

/// <summary>
/// Business parameters as the JSON text a platform signs (抖店 <c>param_json</c>, 快手 <c>param</c>): object keys sorted
/// ordinally at every level for a stable text, no HTML escaping and CJK kept as UTF-8, as the official SDKs write it.
/// </summary>
internal static class SortedParamJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static string Write(object? businessParams)
    {
        var node = businessParams switch
        {
            null => new JsonObject(),
            JsonNode n => n.DeepClone(),
            _ => JsonSerializer.SerializeToNode(businessParams, businessParams.GetType()) ?? new JsonObject(),
        };
        return Sorted(node)!.ToJsonString(Options);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(item => Sorted(item?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };
}
