using Microsoft.Extensions.Hosting;

namespace ServerlessSync.Simulators.Tests.Bursts;

public sealed class BurstRegistryTests
{
    private sealed class TestLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => stopping.Cancel();
    }

    private readonly TestLifetime lifetime = new();

    [Fact]
    public async Task At_most_MaxRunning_bursts_play_at_once_and_a_finished_one_frees_its_slot()
    {
        var release = new TaskCompletionSource();
        var tokens = new List<CancellationToken>();
        var registry = new BurstRegistry<TestPlan, TestResult, BurstProgress<TestResult>>(
            async (plan, cancellationToken, progress) =>
            {
                lock (tokens)
                {
                    tokens.Add(cancellationToken);
                }

                await release.Task;
                await new TestBurstPlatform().Player().PlayAsync(plan, cancellationToken, progress);
            },
            lifetime);

        var ids = Enumerable.Range(0, BurstRegistry<TestPlan, TestResult, BurstProgress<TestResult>>.MaxRunning).Select(_ => registry.Start(new TestPlan())).ToList();
        var refused = registry.Start(new TestPlan());
        release.SetResult();
        await WaitUntilAsync(() => ids.All(id => registry.Find(id!)!.Done));
        List<CancellationToken> played;
        lock (tokens)
        {
            played = [.. tokens];
        }

        var afterwards = registry.Start(new TestPlan());

        Assert.Equal(["burst-1", "burst-2", "burst-3", "burst-4"], ids);
        Assert.Null(refused);
        Assert.Equal("burst-5", afterwards);
        Assert.Null(registry.Find("burst-999"));
        Assert.Equal(Enumerable.Repeat(lifetime.ApplicationStopping, 4), played);
    }

    [Fact]
    public async Task A_burst_that_throws_is_done_with_the_error()
    {
        var registry = new BurstRegistry<TestPlan, TestResult, BurstProgress<TestResult>>(
            (_, _, _) => throw new InvalidOperationException("boom"), lifetime);

        var id = registry.Start(new TestPlan())!;
        await WaitUntilAsync(() => registry.Find(id)!.Done);

        Assert.Equal("InvalidOperationException: boom", registry.Find(id)!.Error);
        Assert.Null(registry.Find(id)!.Result);
    }

    [Fact]
    public void An_invalid_plan_is_refused_without_playing()
    {
        var played = false;
        var registry = new BurstRegistry<TestPlan, TestResult, BurstProgress<TestResult>>(
            (_, _, _) =>
            {
                played = true;
                return Task.CompletedTask;
            },
            lifetime);

        var error = Assert.Throws<ArgumentException>(() => registry.Start(new TestPlan { RatePerSecond = 0 }));

        Assert.Equal("ratePerSecond must be above 0 and at most 10000.", error.Message);
        Assert.False(played);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
