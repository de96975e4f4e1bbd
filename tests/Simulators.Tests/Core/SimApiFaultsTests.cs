namespace ServerlessSync.Simulators.Tests.Core;

/// <summary>Every platform simulator's open-API faults are the shared ones, turned by its own options.</summary>
public sealed class SimApiFaultsTests
{
    public static TheoryData<string> Platforms => ["douyin", "kuaishou", "taobao", "wechat"];

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Calls_over_the_rate_are_throttled_until_the_bucket_refills(string platform)
    {
        var clock = new SteppedClock();
        var (options, faults) = Create(platform, clock);
        options.MaxCallsPerSecond = 2;

        Assert.Equal([false, false, true], new[] { faults.NextThrottled(), faults.NextThrottled(), faults.NextThrottled() });
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Assert.False(faults.NextThrottled());

        options.MaxCallsPerSecond = 0;
        options.ThrottleRate = 1;
        Assert.True(faults.NextThrottled());
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task The_failure_knob_answers_http_500_and_off_lets_the_call_through(string platform)
    {
        var (options, faults) = Create(platform, new SteppedClock());
        var http = new DefaultHttpContext();

        Assert.Null(await faults.DelayOrFailAsync(http));

        options.ApiFailureRate = 1;
        var failed = await faults.DelayOrFailAsync(http);

        Assert.Equal(StatusCodes.Status500InternalServerError, Assert.IsAssignableFrom<IStatusCodeHttpResult>(failed).StatusCode);
    }

    [Fact]
    public void Seeded_faults_replay_and_draw_apart_from_the_orders_seed()
    {
        var draws = new List<bool[]>();
        for (var run = 0; run < 2; run++)
        {
            var options = new DouyinSimulatorOptions { Seed = 11, ThrottleRate = 0.5 };
            var faults = new DouyinSimulatorFaults(options, new SteppedClock());
            draws.Add(Enumerable.Range(0, 64).Select(_ => faults.NextThrottled()).ToArray());
        }

        var ordersDice = new Random(11);
        var faultDice = new Random(12);
        Assert.Equal(draws[0], draws[1]);
        Assert.Equal(Enumerable.Range(0, 64).Select(_ => faultDice.NextDouble() < 0.5).ToArray(), draws[0]);
        Assert.NotEqual(Enumerable.Range(0, 64).Select(_ => ordersDice.NextDouble() < 0.5).ToArray(), draws[0]);
    }

    private static (SimPlatformOptions Options, SimApiFaults Faults) Create(string platform, TimeProvider clock)
    {
        switch (platform)
        {
            case "douyin":
                var douyin = new DouyinSimulatorOptions();
                return (douyin, new DouyinSimulatorFaults(douyin, clock));
            case "kuaishou":
                var kuaishou = new KuaishouSimulatorOptions();
                return (kuaishou, new KuaishouSimulatorFaults(kuaishou, clock));
            case "taobao":
                var taobao = new TaobaoSimulatorOptions();
                return (taobao, new TaobaoSimulatorFaults(taobao, clock));
            default:
                var wechat = new WeChatSimulatorOptions();
                return (wechat, new WeChatSimulatorFaults(wechat, clock));
        }
    }
}
