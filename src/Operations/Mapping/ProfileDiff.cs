using System.Text.Json.Nodes;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>One field that differs between two profile versions: its JSON path (as validation errors name it) and both values.</summary>
/// <param name="Before">The JSON text before, null when the field was added.</param>
/// <param name="After">The JSON text after, null when the field was removed.</param>
public sealed record FieldChange(string Path, string? Before, string? After);

/// <summary>The fields that differ between two versions of a profile, down to the leaves (a SKU's material, a rule's value).</summary>
public static class ProfileDiff
{
    /// <summary>The profile's maps: their keys are data (SKU codes, status codes), written <c>['key']</c> in paths as the validator does.</summary>
    private static readonly HashSet<string> Maps = ["skus", "combos", "statusMap", "customFieldMap", "carriers"];

    public static IReadOnlyList<FieldChange> Between(MappingProfile? before, MappingProfile after)
    {
        var changes = new List<FieldChange>();
        Walk("$", keysAreData: false, before is null ? null : Node(before), Node(after), changes);
        return changes;
    }

    private static JsonNode Node(MappingProfile profile) => JsonSerializer.SerializeToNode(profile with { Version = 0 }, ProfileStore.Json)!;

    private static void Walk(string path, bool keysAreData, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                Walk(keysAreData ? $"{path}['{key}']" : $"{path}.{key}", path == "$" && Maps.Contains(key), a[key], b[key], changes);
            }
        }
        else if (before is JsonArray x && after is JsonArray y)
        {
            for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
            {
                Walk($"{path}[{i}]", keysAreData: false, i < x.Count ? x[i] : null, i < y.Count ? y[i] : null, changes);
            }
        }
        else
        {
            changes.Add(new FieldChange(path, before?.ToJsonString(), after?.ToJsonString()));
        }
    }
}
