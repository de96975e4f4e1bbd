namespace ServerlessSync.Infra.Tests.Support;

/// <summary>Reading values out of compiled ARM JSON resources.</summary>
public static class TemplateJson
{
    /// <summary>A value under the resource's properties, by dotted path.</summary>
    public static JsonNode? Property(JsonObject resource, string path) =>
        path.Split('.').Aggregate((JsonNode?)resource["properties"], (node, name) => node?[name]);

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool? Flag(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>The only resource of a type anywhere in the deployment.</summary>
    public static JsonObject Single(string type)
    {
        var resources = CompiledTemplate.OfType(type).ToList();
        Assert.True(resources.Count == 1, $"expected one {type}, found {resources.Count}");
        return resources[0];
    }

    /// <summary>A parameter's default value and description in a template.</summary>
    public static (JsonNode? Default, string Description) Parameter(JsonObject template, string name)
    {
        var parameter = template["parameters"]?[name];
        Assert.True(parameter is not null, $"no parameter {name}");
        return (parameter["defaultValue"], (string?)parameter["metadata"]?["description"] ?? "");
    }
}
