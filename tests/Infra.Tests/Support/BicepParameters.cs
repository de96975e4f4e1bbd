namespace ServerlessSync.Infra.Tests.Support;

/// <summary>main.bicepparam built to its ARM parameters file, as azd would send it with no environment variables set.</summary>
public static class BicepParameters
{
    private static readonly Lazy<JsonObject> Built = new(Build);

    public static JsonObject Example() => Built.Value;

    private static JsonObject Build()
    {
        var result = BicepCli.Run(Repository.Bicep, "build-params", "main.bicepparam", "--stdout");
        Assert.True(result.ExitCode == 0, result.Output);
        var wrapper = JsonNode.Parse(result.StandardOutput)!.AsObject();
        return JsonNode.Parse((string)wrapper["parametersJson"]!)!["parameters"]!.AsObject();
    }
}
