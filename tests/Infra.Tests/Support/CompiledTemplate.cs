namespace ServerlessSync.Infra.Tests.Support;

/// <summary>main.bicep compiled to ARM JSON once per test run, with helpers to walk its nested module deployments.</summary>
public static class CompiledTemplate
{
    private static readonly Lazy<JsonObject> Compiled = new(Compile);

    public static JsonObject Main => Compiled.Value;

    /// <summary>The template of the module deployment with the given symbolic name in main.bicep (e.g. "functionApp").</summary>
    public static JsonObject Module(string symbolicName)
    {
        var resource = Resources(Main).SingleOrDefault(r => r.Symbol == symbolicName).Resource;
        Assert.True(resource is not null, $"main.bicep has no module '{symbolicName}'");
        Assert.Equal("Microsoft.Resources/deployments", (string?)resource["type"]);
        return resource["properties"]!["template"]!.AsObject();
    }

    /// <summary>Every resource in the template and in all nested deployments, with the module path it sits in.</summary>
    public static IEnumerable<(string Module, string Symbol, JsonObject Resource)> AllResources(JsonObject? template = null, string module = "main")
    {
        foreach (var (symbol, resource) in Resources(template ?? Main))
        {
            yield return (module, symbol, resource);
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested, symbol))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<JsonObject> OfType(string type) =>
        AllResources().Where(r => string.Equals((string?)r.Resource["type"], type, StringComparison.OrdinalIgnoreCase)).Select(r => r.Resource);

    /// <summary>Resources of a template: symbolic-name templates (languageVersion 2.0) hold an object, older ones an array.</summary>
    public static IEnumerable<(string Symbol, JsonObject Resource)> Resources(JsonObject template) => template["resources"] switch
    {
        JsonObject byName => byName.Select(p => (p.Key, p.Value!.AsObject())),
        JsonArray list => list.Select((r, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), r!.AsObject())),
        _ => [],
    };

    private static JsonObject Compile()
    {
        var output = Path.Combine(Path.GetTempPath(), "serverlesssync-bicep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var file = Path.Combine(output, "main.json");
            var result = BicepCli.Run(Repository.Bicep, "build", "main.bicep", "--outfile", file);
            Assert.True(result.ExitCode == 0, $"bicep build main.bicep failed:\n{result.Output}");
            return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
