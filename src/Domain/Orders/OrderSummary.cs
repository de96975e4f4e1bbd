namespace ServerlessSync.Domain.Orders;

/// <summary>
/// What the run needs of the order between activities. No buyer data: activity inputs and outputs are kept in the
/// task hub's history, so the open id and the receiver fields stay inside the activity that read them.
/// </summary>
/// <param name="Sales">What the dashboard counts besides the ledger row (anchor, live room, channel, products).</param>
public sealed record OrderSummary(OrderKey Key, OrderStatus Status, long PaidAmountFen, OrderSalesFacts Sales)
{
    public static OrderSummary From(Order order) => new(order.Key, order.Status, order.PaidAmountFen, OrderSalesFacts.From(order));
}
