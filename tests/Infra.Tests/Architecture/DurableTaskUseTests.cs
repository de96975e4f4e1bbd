using ServerlessSync.Infra.Tests.Support;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Infra.Tests.Architecture;

/// <summary>
/// Every activity defined in <see cref="SyncTasks"/> is called by an orchestrator: a defined but unused activity is
/// registered in both hosts and given a Functions trigger, yet does nothing but mislead a reader.
/// </summary>
public sealed class DurableTaskUseTests
{
    [Fact]
    public void Every_defined_activity_is_called_by_an_orchestrator()
    {
        var orchestrators = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Pipeline", "Sync"), "*Orchestrator.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .ToList();

        Assert.NotEmpty(SyncTasks.Activities);
        Assert.Equal(2, orchestrators.Count);
        Assert.Empty(Uncalled(SyncTasks.Activities.Select(a => a.Name), orchestrators));
    }

    [Fact]
    public void An_activity_no_orchestrator_calls_is_reported()
    {
        var orchestrator = "var x = await context.CallAsync(SyncTasks.PrepareOrder, key); // SyncTasks.WriteErp is mentioned only here";

        Assert.Equal(["WriteErp", "WriteBack"], Uncalled(["PrepareOrder", "WriteErp", "WriteBack"], [orchestrator]));
    }

    /// <summary>The names no orchestrator calls through <c>CallAsync(SyncTasks.Name</c> (a mention elsewhere does not count).</summary>
    private static List<string> Uncalled(IEnumerable<string> activities, IReadOnlyList<string> orchestrators) =>
        activities.Where(name => !orchestrators.Any(source => source.Contains($"CallAsync(SyncTasks.{name},", StringComparison.Ordinal))).ToList();
}
