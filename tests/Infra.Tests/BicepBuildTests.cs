namespace ServerlessSync.Infra.Tests;

/// <summary>Every Bicep and Bicep parameters file under infra/ builds and lints with the Bicep CLI, with no error and no warning.</summary>
public sealed class BicepBuildTests : IDisposable
{
    private readonly List<string> temporary = [];

    public void Dispose()
    {
        foreach (var directory in temporary.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string[] Files(string extension) =>
        Directory.GetFiles(Repository.Infra, "*" + extension, SearchOption.AllDirectories).Select(Repository.Relative).Order().ToArray();

    [Fact]
    public void Every_bicep_file_builds_to_arm_json_without_errors_or_warnings()
    {
        var files = Files(".bicep");
        Assert.Contains("infra/bicep/main.bicep", files);
        Assert.True(files.Length >= 8, $"expected main, types and the modules; found {string.Join(", ", files)}");

        var output = TempDirectory();
        var result = BicepCli.Run(Repository.Root, "build", "--pattern", "infra/**/*.bicep", "--outdir", output);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(result.Diagnostics);
        var built = Directory.GetFiles(output, "*.json", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.All(files, f => Assert.Contains(Path.GetFileNameWithoutExtension(f), built));
    }

    [Fact]
    public void Every_bicepparam_file_builds_without_errors_or_warnings()
    {
        var files = Files(".bicepparam");
        Assert.Contains("infra/bicep/main.bicepparam", files);

        var result = BicepCli.Run(Repository.Root, "build-params", "--pattern", "infra/**/*.bicepparam", "--outdir", TempDirectory());

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(result.Diagnostics);
    }

    [Theory]
    [InlineData("infra/**/*.bicep")]
    [InlineData("infra/**/*.bicepparam")]
    public void The_linter_reports_nothing(string pattern)
    {
        var result = BicepCli.Run(Repository.Root, "lint", "--pattern", pattern);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void The_repository_linter_configuration_turns_rule_violations_into_warnings_that_these_tests_catch()
    {
        // The same bicepconfig.json beside a file with an unused parameter and a hard-coded cloud URL.
        var probe = TempDirectory();
        File.Copy(Path.Combine(Repository.Bicep, "bicepconfig.json"), Path.Combine(probe, "bicepconfig.json"));
        File.WriteAllText(Path.Combine(probe, "probe.bicep"), "param unused string\noutput endpoint string = 'https://management.azure.com/'\n");

        var result = BicepCli.Run(probe, "lint", "probe.bicep");

        Assert.Contains(result.Diagnostics, d => d.Contains("Warning no-unused-params", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Contains("Warning no-hardcoded-env-urls", StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_the_api_service_with_the_bicep_infrastructure()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "azure.yaml")).Select(l => l.TrimEnd()).ToList();

        Assert.Contains("  provider: bicep", lines);
        Assert.Contains("  path: infra/bicep", lines);
        Assert.Contains("  module: main", lines);
        var api = lines.IndexOf("  api:");
        Assert.True(api > 0, "no api service in azure.yaml");
        var service = lines.Skip(api + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Contains("project: src/Functions", service);
        Assert.Contains("language: dotnet", service);
        Assert.Contains("host: function", service);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "src", "Functions", "ServerlessSync.Functions.csproj")));
    }

    private string TempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "serverlesssync-infra-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        temporary.Add(path);
        return path;
    }
}
