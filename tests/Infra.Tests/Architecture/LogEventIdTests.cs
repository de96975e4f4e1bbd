using System.Globalization;
using System.Text.RegularExpressions;
using ServerlessSync.Infra.Tests.Support;

namespace ServerlessSync.Infra.Tests.Architecture;

/// <summary>A log event id names one message: a query on EventId in Application Insights must not mix two ERPs' events.</summary>
public sealed partial class LogEventIdTests
{
    [GeneratedRegex(@"\[LoggerMessage\(\s*EventId\s*=\s*(\d+)")]
    private static partial Regex EventId();

    public static IEnumerable<string> Reused(IEnumerable<(string File, string Source)> files) =>
        files
            .SelectMany(f => EventId().Matches(f.Source).Select(m => (Id: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), f.File)))
            .GroupBy(e => e.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"EventId {g.Key}: {string.Join(", ", g.Select(e => e.File))}");

    [Fact]
    public void No_two_log_messages_in_src_share_an_event_id()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Repository.Relative(f), File.ReadAllText(f)))
            .ToList();

        Assert.True(files.Sum(f => EventId().Matches(f.Item2).Count) > 20, "found hardly any LoggerMessage event ids under src");
        Assert.Empty(Reused(files));
    }

    [Fact]
    public void A_reused_id_is_reported_with_both_files()
    {
        var reused = Reused([
            ("a.cs", "[LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = \"x\")]"),
            ("b.cs", "[LoggerMessage(EventId = 4300, Level = LogLevel.Warning, Message = \"y\")]"),
            ("c.cs", "[LoggerMessage(EventId = 4301, Level = LogLevel.Warning, Message = \"z\")]"),
        ]);

        Assert.Equal(["EventId 4300: a.cs, b.cs"], reused);
    }
}
