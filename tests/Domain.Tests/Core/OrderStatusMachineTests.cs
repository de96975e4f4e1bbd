using S = ServerlessSync.Domain.Orders.OrderStatus;

namespace ServerlessSync.Domain.Tests.Core;

public class OrderStatusMachineTests
{
    [Theory]
    [InlineData(S.PendingPayment, S.Paid)]
    [InlineData(S.PendingPayment, S.Cancelled)]
    [InlineData(S.Paid, S.Shipped)]
    [InlineData(S.Paid, S.Completed)]
    [InlineData(S.Paid, S.Cancelled)]
    [InlineData(S.Paid, S.Refunded)]
    [InlineData(S.Shipped, S.Completed)]
    [InlineData(S.Shipped, S.Refunded)]
    [InlineData(S.Completed, S.Refunded)]
    // A lost push (or a pull that only sees the latest state) skips intermediate statuses: still forward.
    [InlineData(S.PendingPayment, S.Shipped)]
    [InlineData(S.PendingPayment, S.Completed)]
    [InlineData(S.PendingPayment, S.Refunded)]
    public void Forward_moves_are_allowed_and_applied(S from, S to)
    {
        Assert.True(OrderStatusMachine.CanMove(from, to));
        Assert.Equal(to, OrderStatusMachine.Advance(from, to));
    }

    [Theory]
    [InlineData(S.Paid, S.PendingPayment)]
    [InlineData(S.Shipped, S.Paid)]
    [InlineData(S.Shipped, S.PendingPayment)]
    [InlineData(S.Completed, S.Shipped)]
    [InlineData(S.Completed, S.Paid)]
    [InlineData(S.Shipped, S.Cancelled)] // after shipping only a refund undoes the sale
    [InlineData(S.Completed, S.Cancelled)]
    public void Backward_moves_are_refused_and_a_stale_status_is_ignored(S current, S stale)
    {
        Assert.False(OrderStatusMachine.CanMove(current, stale));
        Assert.Equal(current, OrderStatusMachine.Advance(current, stale));
    }

    [Theory]
    [InlineData(S.Cancelled)]
    [InlineData(S.Refunded)]
    public void Cancelled_and_refunded_are_terminal(S terminal)
    {
        Assert.True(OrderStatusMachine.IsTerminal(terminal));
        foreach (var other in Enum.GetValues<S>().Where(s => s != terminal))
        {
            Assert.False(OrderStatusMachine.CanMove(terminal, other));
            Assert.Equal(terminal, OrderStatusMachine.Advance(terminal, other));
        }
    }

    [Fact]
    public void Only_cancelled_and_refunded_are_terminal_and_a_status_may_always_stay()
    {
        var terminal = Enum.GetValues<S>().Where(OrderStatusMachine.IsTerminal).ToHashSet();
        Assert.Equal(new HashSet<S> { S.Cancelled, S.Refunded }, terminal);
        Assert.All(Enum.GetValues<S>(), s => Assert.True(OrderStatusMachine.CanMove(s, s)));
    }

    [Fact]
    public void Advance_over_duplicated_out_of_order_events_ends_at_the_latest_state()
    {
        // Platform pushes arrive: shipped, paid (late), pending (very late), shipped (duplicate), completed, paid (late).
        S[] arrivals = [S.Shipped, S.Paid, S.PendingPayment, S.Shipped, S.Completed, S.Paid];
        var status = S.PendingPayment;
        var seen = new List<S>();
        foreach (var incoming in arrivals)
        {
            status = OrderStatusMachine.Advance(status, incoming);
            seen.Add(status);
        }

        Assert.Equal([S.Shipped, S.Shipped, S.Shipped, S.Shipped, S.Completed, S.Completed], seen);
    }

    [Fact]
    public void Only_paid_shipped_and_completed_orders_belong_in_the_erp()
    {
        var needs = Enum.GetValues<S>().Where(OrderStatusMachine.NeedsErpOrder).ToHashSet();
        Assert.Equal(new HashSet<S> { S.Paid, S.Shipped, S.Completed }, needs);
    }
}
