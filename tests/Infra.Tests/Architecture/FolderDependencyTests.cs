namespace ServerlessSync.Infra.Tests.Architecture;

/// <summary>
/// Inside each project of src the top-level folders use each other one way (docs/architecture.md): no two folders
/// reach each other, directly or round a longer loop (see <see cref="FolderGraph"/> for what counts as a use).
/// </summary>
public sealed class FolderDependencyTests
{
    public static TheoryData<string> SourceProjects() =>
        new(Directory.EnumerateDirectories(Path.Combine(Repository.Root, "src"))
            .Where(d => Directory.EnumerateFiles(d, "*.csproj").Any())
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void The_folders_of_a_project_depend_on_each_other_without_a_cycle(string project)
    {
        var graph = FolderGraph.Of(SourceFiles(Path.Combine(Repository.Root, "src", project)));

        Assert.Empty(graph.Cycles());
    }

    [Fact]
    public void A_cycle_without_using_directives_through_a_qualified_name_or_a_longer_loop_is_reported_and_comments_and_strings_do_not_count()
    {
        var graph = FolderGraph.Of(
        [
            ("Intake/Starter.cs", "namespace P.Intake;\npublic sealed class Starter(RunInput input) { }"),
            ("Sync/RunInput.cs", "namespace P.Sync;\npublic sealed record RunInput(string Id) { public bool Covers() => Intake.Window.Open; }"),
            ("Sync/Planner.cs", "namespace P.Sync;\n/// <see cref=\"Tally\"/>\npublic static class Planner { static string Name = \"Tally\"; }"),
            ("Stats/Tally.cs", "namespace P.Stats;\npublic sealed class Tally(Ledger.Row row) { }"),
            ("Ledger/Row.cs", "namespace P.Ledger;\npublic sealed record Row(Audit.Trail Trail);"),
            ("Audit/Trail.cs", "namespace P.Audit;\npublic sealed record Trail(Tally Tally);"),
            ("Intake/Window.cs", "namespace P.Intake;\npublic static class Window { public static bool Open => true; }"),
            ("PServices.cs", "public static class PServices { static object[] all = [new Starter(null!), new Tally(null!)]; }"),
        ]);

        Assert.Equal(
        [
            "Audit <-> Ledger <-> Stats: Audit -> Stats (Tally in Audit/Trail.cs); Ledger -> Audit (Trail in Ledger/Row.cs); Stats -> Ledger (Row in Stats/Tally.cs)",
            "Intake <-> Sync: Intake -> Sync (RunInput in Intake/Starter.cs); Sync -> Intake (Window in Sync/RunInput.cs)",
        ],
            graph.Cycles().Order(StringComparer.Ordinal));
        Assert.False(graph.Uses.GetValueOrDefault("Sync", []).ContainsKey("Stats")); // only a comment and a string name Tally
        Assert.DoesNotContain(FolderGraph.RootFolder, graph.Uses.Keys); // the composition root is left out
    }

    private static IEnumerable<(string Path, string Text)> SourceFiles(string projectFolder) =>
        Directory.EnumerateFiles(projectFolder, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(projectFolder, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.Contains("node_modules/", StringComparison.Ordinal))
            .Select(relative => (relative, File.ReadAllText(Path.Combine(projectFolder, relative))));
}
