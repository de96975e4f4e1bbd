namespace ServerlessSync.Orchestration.Tests;

/// <summary>A run's retry settings are fixed when it starts and travel in its input; the live configuration never reaches a replay.</summary>
[Collection(StubbedDurableCollection.Name)]
public sealed class RetryPlanTests(StubbedDurableHost host)
{
    [Fact]
    public void The_plan_takes_the_sync_settings_with_their_floors()
    {
        var plan = SyncRetryPlan.From(new SyncSettings
        {
            FetchMaxAttempts = 4, FetchFirstRetrySeconds = 3,
            WriteErpMaxAttempts = 7, WriteErpFirstRetrySeconds = 5, WriteErpMaxRetrySeconds = 120,
            WriteBackAttempts = 0, WriteBackFirstRetrySeconds = 40,
            WriteBackRetrySeconds = 0, WriteBackMaxRounds = 12, BatchWriteAttempts = 2,
        });

        Assert.Equal(new RetrySteps(4, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(60)), plan.Fetch);
        Assert.Equal(new RetrySteps(7, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(120)), plan.Erp);
        Assert.Equal(new RetrySteps(1, TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40)), plan.WriteBack);
        Assert.Equal((TimeSpan.FromSeconds(1), 12, 2), (plan.WriteBackRoundInterval, plan.WriteBackMaxRounds, plan.BatchWriteAttempts));
        Assert.Equal(SyncRetryPlan.From(new SyncSettings()), SyncRetryPlan.Defaults);
    }

    [Fact]
    public void The_back_off_doubles_from_the_first_interval_up_to_the_longest()
    {
        var steps = new RetrySteps(10, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

        Assert.Equal([5, 5, 10, 20, 30, 30], new[] { 0, 1, 2, 3, 4, 12 }.Select(tries => steps.BackOff(tries).TotalSeconds));
    }

    [Fact]
    public async Task A_running_order_keeps_the_retries_it_started_with_when_the_configuration_changes()
    {
        host.LiveSettings.WriteErpMaxAttempts = 2;
        host.LiveSettings.WriteErpFirstRetrySeconds = 1;
        var key = NewKey();
        var started = Input(key, retries: SyncRetryPlan.From(host.LiveSettings));
        var stubs = new RunStubs
        {
            PrepareOrder = ToWrite,
            WriteErp = _ =>
            {
                // The configuration changes (a restart with new settings) while the run waits for its retry.
                host.LiveSettings.WriteErpMaxAttempts = 6;
                throw new ErpTransientException("HTTP 503");
            },
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, started, stubs);

        Assert.Equal(2, stubs.Inputs(SyncTasks.WriteErp).Count);
        Assert.Equal(SyncStatus.Failed, result.Status);
        Assert.StartsWith("ERP write failed after 2 attempts", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_started_before_the_plan_was_in_the_input_retries_with_the_built_in_settings()
    {
        host.LiveSettings.FetchMaxAttempts = 1;
        var key = NewKey();
        var reads = 0;
        var stubs = new RunStubs
        {
            PrepareOrder = k => Interlocked.Increment(ref reads) == 1 ? throw new Pipeline.Ports.PlatformTransientException("isv.traffic-limited") : With(k, new SyncPlan { Action = SyncAction.Nothing }),
        };

        var (result, _) = await host.RunAsync(SyncTasks.SyncOrder, key.InstanceId, new SyncOrderInput(key, "paid", "msg-old"), stubs);

        Assert.Equal(SyncStatus.Synced, result.Status);
        Assert.Equal(2, stubs.Inputs(SyncTasks.PrepareOrder).Count);
    }
}
