using ServerlessSync.Domain.Alerts;

namespace ServerlessSync.Domain.Tests.Core;

public class AlertPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);
    private static readonly AlertPolicy Policy = AlertPolicy.Default;

    [Fact]
    public void Default_policy_is_three_failures_and_a_ten_minute_window()
    {
        Assert.Equal(3, Policy.FailureThreshold);
        Assert.Equal(TimeSpan.FromMinutes(10), Policy.DedupeWindow);
    }

    [Theory]
    [InlineData(AlertKind.ErpRejected)]
    [InlineData(AlertKind.ErpRetriesExhausted)]
    public void Erp_failures_alert_on_the_third_in_a_row_only(AlertKind kind)
    {
        var state = AlertState.Fresh;
        var sends = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            var d = Policy.OnFailure(state, kind, T0.AddSeconds(i));
            sends.Add(d.Send);
            state = d.Next;
        }

        Assert.Equal([false, false, true], sends);
        Assert.Equal(3, state.ConsecutiveFailures);
        Assert.Equal(T0.AddSeconds(2), state.LastSentAt);
    }

    [Fact]
    public void A_success_resets_the_count()
    {
        var state = AlertState.Fresh;
        state = Policy.OnFailure(state, AlertKind.ErpRejected, T0).Next;
        state = Policy.OnFailure(state, AlertKind.ErpRejected, T0).Next;
        state = AlertPolicy.OnSuccess(state);

        Assert.Equal(0, state.ConsecutiveFailures);
        var d1 = Policy.OnFailure(state, AlertKind.ErpRejected, T0);
        var d2 = Policy.OnFailure(d1.Next, AlertKind.ErpRejected, T0);
        Assert.False(d1.Send);
        Assert.False(d2.Send);
        Assert.True(Policy.OnFailure(d2.Next, AlertKind.ErpRejected, T0).Send);
    }

    [Fact]
    public void Repeats_within_the_dedupe_window_are_held_back_and_sent_again_after_it()
    {
        var state = new AlertState(2, null);
        var first = Policy.OnFailure(state, AlertKind.ErpRetriesExhausted, T0);
        Assert.True(first.Send);

        var inWindow = Policy.OnFailure(first.Next, AlertKind.ErpRetriesExhausted, T0.AddMinutes(9));
        Assert.False(inWindow.Send);
        Assert.Equal(T0, inWindow.Next.LastSentAt);
        Assert.Equal(4, inWindow.Next.ConsecutiveFailures);

        var afterWindow = Policy.OnFailure(inWindow.Next, AlertKind.ErpRetriesExhausted, T0.AddMinutes(10));
        Assert.True(afterWindow.Send);
        Assert.Equal(T0.AddMinutes(10), afterWindow.Next.LastSentAt);
    }

    [Theory]
    [InlineData(AlertKind.Quarantined)]
    [InlineData(AlertKind.PendingStock)]
    [InlineData(AlertKind.CancelledAfterErp)]
    public void Order_level_notices_alert_at_once_without_counting_as_erp_failures(AlertKind kind)
    {
        Assert.False(AlertPolicy.CountsAsErpFailure(kind));
        var d = Policy.OnFailure(AlertState.Fresh, kind, T0);

        Assert.True(d.Send);
        Assert.Equal(0, d.Next.ConsecutiveFailures);
        Assert.False(Policy.OnFailure(d.Next, kind, T0.AddMinutes(1)).Send); // deduped like any other
    }
}
