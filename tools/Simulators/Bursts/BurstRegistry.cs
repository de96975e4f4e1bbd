using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Simulators.Bursts;

/// <summary>Bursts started through the admin API, playing in the background until done or the simulator stops.</summary>
public class BurstRegistry<TPlan, TResult, TProgress>(Func<TPlan, CancellationToken, TProgress, Task> play, IHostApplicationLifetime lifetime)
    where TPlan : BurstPlan
    where TResult : BurstResult
    where TProgress : BurstProgress<TResult>, new()
{
    /// <summary>Finished bursts beyond this many are forgotten, oldest first.</summary>
    public const int MaxKept = 50;

    public const int MaxRunning = 4;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Started, TProgress Progress)> bursts = new();
    private int sequence;

    /// <summary>Starts the burst; null when <see cref="MaxRunning"/> bursts are already playing.</summary>
    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public string? Start(TPlan plan)
    {
        plan.Validate();
        if (bursts.Values.Count(b => !b.Progress.Done) >= MaxRunning)
        {
            return null;
        }

        Forget();
        var id = $"burst-{Interlocked.Increment(ref sequence)}";
        var progress = new TProgress();
        bursts[id] = (DateTimeOffset.UtcNow, progress);
        _ = Task.Run(async () =>
        {
            try
            {
                await play(plan, lifetime.ApplicationStopping, progress);
            }
            catch (Exception ex)
            {
                progress.Finish(null, ex.GetType().Name + ": " + ex.Message);
            }
        });
        return id;
    }

    public TProgress? Find(string id) => bursts.TryGetValue(id, out var burst) ? burst.Progress : null;

    private void Forget()
    {
        foreach (var old in bursts.Where(b => b.Value.Progress.Done).OrderByDescending(b => b.Value.Started).Skip(MaxKept - 1).ToList())
        {
            bursts.TryRemove(old.Key, out _);
        }
    }
}
