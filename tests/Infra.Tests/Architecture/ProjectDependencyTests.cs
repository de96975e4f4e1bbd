using System.Xml.Linq;

namespace ServerlessSync.Infra.Tests.Architecture;

/// <summary>
/// The projects of src depend one way: the adapters (ERP, platforms) and operations on the workflow core, the core on
/// the domain, the domain on nothing; only the two hosts see everything (docs/architecture.md).
/// </summary>
public sealed class ProjectDependencyTests
{
    private static readonly string[] Hosts = ["Functions", "LocalHost"];

    /// <summary>What each project of src may reference. A project missing here fails the test until it is placed.</summary>
    private static readonly Dictionary<string, string[]> MayReference = new()
    {
        ["Domain"] = [],
        ["Pipeline"] = ["Domain"],
        ["Erp"] = ["Pipeline", "Domain"],
        ["Platforms"] = ["Pipeline", "Domain"],
        ["Operations"] = ["Pipeline", "Domain"],
        ["Functions"] = ["Pipeline", "Erp", "Platforms", "Operations", "Domain"],
        ["LocalHost"] = ["Pipeline", "Erp", "Platforms", "Operations", "Domain"],
    };

    [Fact]
    public void Every_project_in_src_references_only_the_projects_below_it()
    {
        var projects = ProjectsUnder("src");

        Assert.Contains("Pipeline", projects.Keys);
        Assert.Empty(LayerViolations(projects));
    }

    [Fact]
    public void A_wrong_way_reference_or_an_unplaced_project_is_reported()
    {
        var projects = new Dictionary<string, string[]> { ["Pipeline"] = ["Domain", "Operations"], ["Reports"] = ["Pipeline"] };

        Assert.Equal(
            ["src/Pipeline references Operations, which it may not (allowed: Domain)", "src/Reports is not placed in the dependency layers of this test and docs/architecture.md"],
            LayerViolations(projects));
    }

    [Fact]
    public void The_hosts_are_the_only_projects_that_reference_the_adapters_and_operations()
    {
        var projects = ProjectsUnder("src");
        foreach (var adapter in new[] { "Erp", "Platforms", "Operations" }.Where(projects.ContainsKey))
        {
            var users = projects.Where(p => p.Value.Contains(adapter)).Select(p => p.Key).ToList();
            Assert.True(users.All(Hosts.Contains), $"{adapter} is referenced by {string.Join(", ", users)}; only the hosts may");
        }
    }

    [Fact]
    public void No_project_in_the_repository_is_part_of_a_reference_cycle()
    {
        var graph = new[] { "src", "tests", "tools" }
            .SelectMany(folder => AllProjectFiles(folder))
            .ToDictionary(Path.GetFullPath, References);
        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        foreach (var project in graph.Keys)
        {
            Visit(project, [project]);
        }

        void Visit(string project, List<string> path)
        {
            if (state.TryGetValue(project, out var done))
            {
                Assert.True(done, "reference cycle: " + string.Join(" -> ", path.Select(Repository.Relative)));
                return;
            }

            state[project] = false;
            foreach (var next in graph.GetValueOrDefault(project, []))
            {
                Visit(next, [.. path, next]);
            }

            state[project] = true;
        }
    }

    private static List<string> LayerViolations(Dictionary<string, string[]> projects)
    {
        var problems = new List<string>();
        foreach (var (name, references) in projects.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!MayReference.TryGetValue(name, out var allowed))
            {
                problems.Add($"src/{name} is not placed in the dependency layers of this test and docs/architecture.md");
                continue;
            }

            var wrong = references.Except(allowed).ToList();
            if (wrong.Count > 0)
            {
                problems.Add($"src/{name} references {string.Join(", ", wrong)}, which it may not (allowed: {string.Join(", ", allowed)})");
            }
        }

        return problems;
    }

    private static Dictionary<string, string[]> ProjectsUnder(string folder) =>
        AllProjectFiles(folder).ToDictionary(
            p => Path.GetFileName(Path.GetDirectoryName(p)!),
            p => ReferencedNames(XDocument.Load(p)).ToArray());

    private static IEnumerable<string> AllProjectFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    private static IEnumerable<string> ReferencedNames(XDocument csproj) =>
        csproj.Descendants("ProjectReference")
            .Select(r => ((string)r.Attribute("Include")!).Replace('\\', '/'))
            .Select(include => Path.GetFileName(Path.GetDirectoryName(include)!));

    private static string[] References(string csprojPath) =>
        XDocument.Load(csprojPath).Descendants("ProjectReference")
            .Select(r => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csprojPath)!, ((string)r.Attribute("Include")!).Replace('\\', '/'))))
            .ToArray();
}
