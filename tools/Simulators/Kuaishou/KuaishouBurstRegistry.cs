using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>Bursts started through the admin API, playing in the background until done or the simulator stops.</summary>
public sealed class KuaishouBurstRegistry(Func<KuaishouBurstPlayer> playerFactory, IHostApplicationLifetime lifetime)
{
    /// <summary>Finished bursts beyond this many are forgotten, oldest first.</summary>
    public const int MaxKept = 50;

    public const int MaxRunning = 4;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Started, KuaishouBurstProgress Progress)> bursts = new();
    private int sequence;

    /// <summary>Starts the burst; null when <see cref="MaxRunning"/> bursts are already playing.</summary>
    /// <exception cref="ArgumentException">The plan is invalid.</exception>
    public string? Start(KuaishouBurstPlan plan)
    {
        plan.Validate();
        if (bursts.Values.Count(b => !b.Progress.Done) >= MaxRunning)
        {
            return null;
        }

        Forget();
        var id = $"burst-{Interlocked.Increment(ref sequence)}";
        var progress = new KuaishouBurstProgress();
        bursts[id] = (DateTimeOffset.UtcNow, progress);
        _ = Task.Run(async () =>
        {
            try
            {
                await playerFactory().PlayAsync(plan, lifetime.ApplicationStopping, progress);
            }
            catch (Exception ex)
            {
                progress.Finish(null, ex.GetType().Name + ": " + ex.Message);
            }
        });
        return id;
    }

    public KuaishouBurstProgress? Find(string id) => bursts.TryGetValue(id, out var burst) ? burst.Progress : null;

    private void Forget()
    {
        foreach (var old in bursts.Where(b => b.Value.Progress.Done).OrderByDescending(b => b.Value.Started).Skip(MaxKept - 1).ToList())
        {
            bursts.TryRemove(old.Key, out _);
        }
    }
}
