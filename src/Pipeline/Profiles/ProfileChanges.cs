using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessSync.Domain.Mapping;

namespace ServerlessSync.Pipeline.Profiles;

/// <summary>A short human summary of what changed between two profile versions, for the audit log.</summary>
public static class ProfileChanges
{
    public static string Describe(MappingProfile? before, MappingProfile after)
    {
        if (before is null)
        {
            return "created";
        }

        var a = JsonSerializer.SerializeToNode(before with { Version = 0 }, ProfileStore.Json)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after with { Version = 0 }, ProfileStore.Json)!.AsObject();
        var changes = new List<string>();
        foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
        {
            a.TryGetPropertyValue(name, out var old);
            b.TryGetPropertyValue(name, out var @new);
            if (JsonNode.DeepEquals(old, @new))
            {
                continue;
            }

            if (old is JsonObject oldMap && @new is JsonObject newMap)
            {
                var added = newMap.Select(p => p.Key).Except(oldMap.Select(p => p.Key)).ToList();
                var removed = oldMap.Select(p => p.Key).Except(newMap.Select(p => p.Key)).ToList();
                var changed = newMap.Where(p => oldMap.ContainsKey(p.Key) && !JsonNode.DeepEquals(oldMap[p.Key], p.Value)).Select(p => p.Key).ToList();
                changes.Add($"{name}: {Join("+", added)}{Join("-", removed)}{Join("~", changed)}".TrimEnd());
            }
            else
            {
                changes.Add($"{name}: {Short(old)} → {Short(@new)}");
            }
        }

        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }

    private static string Join(string sign, List<string> keys) => keys.Count == 0 ? "" : string.Join(" ", keys.Select(k => sign + k)) + " ";

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..57] + "..." : text;
    }
}
