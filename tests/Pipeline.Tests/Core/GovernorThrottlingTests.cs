namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>Throttling answers slow the governor down; they do not open its circuit or fail the ERP.</summary>
public sealed class GovernorThrottlingTests
{
    [Fact]
    public async Task Throttled_calls_slow_the_pace_and_never_open_the_circuit()
    {
        await using var governor = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 20, BreakAfterFailures = 3 });

        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<ErpThrottledException>(() => governor.RunAsync<int>(_ => throw new ErpThrottledException("MsgCode 14"), CancellationToken.None));
        }

        Assert.True(governor.ThrottleFactor >= 8, $"expected the pace cut to an eighth, factor {governor.ThrottleFactor}");
        Assert.Equal(20 / governor.ThrottleFactor, governor.CallsPerSecondShare, precision: 3);
        // Still closed: a healthy call goes through at once.
        Assert.Equal(42, await governor.RunAsync(_ => Task.FromResult(42), CancellationToken.None));
    }

    [Fact]
    public async Task Failures_that_are_not_throttling_still_open_the_circuit()
    {
        await using var governor = new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 20, BreakAfterFailures = 3 });

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<ErpTransientException>(() => governor.RunAsync<int>(_ => throw new ErpTransientException("HTTP 500"), CancellationToken.None));
        }

        var open = await Assert.ThrowsAsync<ErpTransientException>(() => governor.RunAsync(_ => Task.FromResult(1), CancellationToken.None));
        Assert.Contains("circuit is open", open.Message, StringComparison.Ordinal);
        Assert.Equal(1, governor.ThrottleFactor);
    }
}
