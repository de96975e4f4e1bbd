namespace ServerlessSync.Infra.Tests.Architecture;

/// <summary>
/// Which top-level folders of one project use which: a file uses another folder when its code names a type declared
/// there (once in the project). Types are found by name, not by <c>using</c> directives, so a global using, a
/// qualified name or a parent namespace's implicit reach does not hide a dependency. Comments and string literals do
/// not count. Sub-folders are parts of their top-level folder; the root's <c>*Services.cs</c> files, where a project
/// registers its parts, compose the project and may use every folder, so they are left out.
/// </summary>
public sealed partial class FolderGraph
{
    public const string RootFolder = "(root)";

    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> uses = [];

    private FolderGraph()
    {
    }

    /// <summary>Folder → folders it uses, each with the "Type in file" places that make the edge.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, SortedSet<string>>> Uses => uses;

    /// <param name="files">Each file's path relative to the project folder ('/' separated) and its text.</param>
    public static FolderGraph Of(IEnumerable<(string Path, string Text)> files)
    {
        var code = files
            .Where(f => !(FolderOf(f.Path) == RootFolder && f.Path.EndsWith("Services.cs", StringComparison.Ordinal)))
            .Select(f => (f.Path, Folder: FolderOf(f.Path), Code: WithoutCommentsAndStrings(f.Text)))
            .ToList();
        var declaredIn = code
            .SelectMany(f => Declaration().Matches(f.Code)
                .Where(m => !m.Groups["modifiers"].Value.Contains("private", StringComparison.Ordinal) && !m.Groups["modifiers"].Value.Contains("file", StringComparison.Ordinal))
                .Select(m => (Type: m.Groups["name"].Value, f.Folder)))
            .GroupBy(d => d.Type)
            .Where(g => g.Select(d => d.Folder).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Folder);
        var folders = code.Select(f => f.Folder).ToHashSet();

        var graph = new FolderGraph();
        foreach (var (path, folder, text) in code)
        {
            var body = UsingOrNamespaceLine().Replace(text, string.Empty);
            foreach (var name in NamesUsed(body, folders))
            {
                if (declaredIn.TryGetValue(name, out var target) && target != folder)
                {
                    var targets = graph.uses.TryGetValue(folder, out var found) ? found : graph.uses[folder] = [];
                    (targets.TryGetValue(target, out var places) ? places : targets[target] = new SortedSet<string>(StringComparer.Ordinal)).Add($"{name} in {path}");
                }
            }
        }

        return graph;
    }

    /// <summary>Each set of folders that use each other round (a strongly connected component of two or more), described.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<string>();
        foreach (var folder in uses.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Connect(folder);
            }
        }

        return cycles;

        void Connect(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (var next in uses.GetValueOrDefault(folder, []).Keys.Order(StringComparer.Ordinal))
            {
                if (!index.ContainsKey(next))
                {
                    Connect(next);
                    low[folder] = Math.Min(low[folder], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[folder] = Math.Min(low[folder], index[next]);
                }
            }

            if (low[folder] == index[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != folder);

                if (component.Count > 1)
                {
                    cycles.Add(Describe(component.Order(StringComparer.Ordinal).ToList()));
                }
            }
        }
    }

    private string Describe(List<string> component)
    {
        var edges = from user in component
                    from used in component
                    where uses.GetValueOrDefault(user, []).ContainsKey(used)
                    select $"{user} -> {used} ({string.Join(", ", uses[user][used].Take(3))}{(uses[user][used].Count > 3 ? ", …" : string.Empty)})";
        return $"{string.Join(" <-> ", component)}: {string.Join("; ", edges)}";
    }

    private static string FolderOf(string path) => path.Split('/') is { Length: > 1 } parts ? parts[0] : RootFolder;

    /// <summary>
    /// Type names a file's code uses: the first name of each dotted chain (<c>Type.Member</c>), and a name right after a
    /// folder's name (<c>Intake.TransientInfrastructure</c>, a qualified reference); not members (<c>x.Name</c>).
    /// </summary>
    private static IEnumerable<string> NamesUsed(string code, HashSet<string> folders)
    {
        foreach (Match chain in DottedChain().Matches(code))
        {
            var parts = chain.Value.Split('.');
            yield return parts[0];
            for (var i = 1; i < parts.Length; i++)
            {
                if (folders.Contains(parts[i - 1]))
                {
                    yield return parts[i];
                }
            }
        }
    }

    private static string WithoutCommentsAndStrings(string text) => CommentOrString().Replace(text, " ");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""""""(?:.|\n)*?""""""|@""(?:[^""]|"""")*""|""(?:[^""\\\n]|\\.)*""|'(?:[^'\\\n]|\\.)'", RegexOptions.Singleline)]
    private static partial Regex CommentOrString();

    /// <summary>A type's declaration; a private or file-local one cannot be used from another folder, so its modifiers are kept.</summary>
    [GeneratedRegex(@"(?<modifiers>(?:\b(?:public|internal|private|protected|sealed|static|abstract|partial|readonly|file|ref|unsafe|new)\s+)*)\b(?:class|record|interface|struct|enum)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?(?:using|namespace)\b[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex UsingOrNamespaceLine();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    private static partial Regex DottedChain();
}
