using System.Text.RegularExpressions;
using ServerlessSync.Infra.Tests.Support;

namespace ServerlessSync.Infra.Tests.Architecture;

/// <summary>
/// Options are registered one way (<c>ValidatedOptions.AddValidatedOptions</c>: BindConfiguration and validation on
/// start, docs/architecture.md): no src file binds a configuration section by hand, so no setting escapes the start check.
/// </summary>
public sealed partial class OptionsPatternTests
{
    /// <summary>Files that may read configuration sections themselves, and why.</summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["src/Pipeline/Configuration/ValidatedOptions.cs"] = "the pattern itself",
        ["src/Pipeline/Pull/PulledShops.cs"] = "lists the shop ids under Platforms:{Platform}:Shops, a section the platform options bind and check",
    };

    /// <summary>Configure&lt;T&gt; with anything but a lambda: a configuration section bound outside the pattern.</summary>
    [GeneratedRegex(@"\.Configure<[^>]+>\((?![^)]*=>)")]
    private static partial Regex ConfigureFromSection();

    [GeneratedRegex(@"\.GetSection\(|\.Bind\(|\.Get<")]
    private static partial Regex HandBinding();

    public static IEnumerable<string> Violations(string relativePath, string source)
    {
        foreach (var (line, number) in source.Split('\n').Select((l, i) => (l, i + 1)))
        {
            if (ConfigureFromSection().IsMatch(line))
            {
                yield return $"{relativePath}:{number}: Configure<T> from configuration; use AddValidatedOptions";
            }
            else if (HandBinding().IsMatch(line) && !Allowed.ContainsKey(relativePath))
            {
                yield return $"{relativePath}:{number}: binds a configuration section by hand; use AddValidatedOptions (or BoundNow while registering)";
            }
        }
    }

    [Fact]
    public void No_src_file_configures_or_binds_options_from_a_section_by_hand()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.True(files.Count > 100, $"found only {files.Count} source files under src");
        Assert.Empty(files.SelectMany(f => Violations(Repository.Relative(f), File.ReadAllText(f))));
        Assert.All(Allowed.Keys, path => Assert.True(File.Exists(Path.Combine(Repository.Root, path)), $"{path} is allowed but gone: drop it from the list"));
    }

    [Theory]
    [InlineData("services.Configure<StatsOptions>(configuration.GetSection(\"Stats\"));")]
    [InlineData("services.Configure<StatsOptions>(section);")]
    [InlineData("var o = configuration.GetSection(\"Stats\").Get<StatsOptions>();")]
    [InlineData("services.AddOptions<StatsOptions>().Bind(configuration.GetSection(\"Stats\"));")]
    [InlineData("services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Debug);", false)]
    [InlineData("services.AddValidatedOptions<StatsOptions>(configuration, StatsOptions.SectionName, o => o.Problems());", false)]
    public void The_scan_finds_hand_binding_and_passes_the_pattern(string line, bool found = true)
    {
        Assert.Equal(found, Violations("src/Operations/OperationsServices.cs", line).Any());
    }
}
