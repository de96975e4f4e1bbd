namespace ServerlessSync.Domain.Orders;

/// <summary>
/// The platform order lifecycle. Pushes arrive duplicated and out of order, so a status is only ever
/// moved forward: an older status seen after a newer one is ignored rather than applied.
/// </summary>
public static class OrderStatusMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        // A lost push, or a pull that only sees the latest state, can skip intermediate statuses: an unpaid
        // order seen next as shipped, completed or refunded has moved forward and must not be held back.
        [OrderStatus.PendingPayment] = [OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.Refunded],
        [OrderStatus.Paid] = [OrderStatus.Shipped, OrderStatus.Completed, OrderStatus.Cancelled, OrderStatus.Refunded],
        [OrderStatus.Shipped] = [OrderStatus.Completed, OrderStatus.Refunded],
        [OrderStatus.Completed] = [OrderStatus.Refunded],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Refunded] = [],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => from == to || Allowed[from].Contains(to);

    public static bool IsTerminal(OrderStatus status) => Allowed[status].Length == 0;

    /// <summary>True when the goods are owed to the buyer, i.e. the order belongs in the ERP.</summary>
    public static bool NeedsErpOrder(OrderStatus status) =>
        status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Completed;

    /// <summary>Returns the status to keep when <paramref name="incoming"/> is observed after <paramref name="current"/>.</summary>
    public static OrderStatus Advance(OrderStatus current, OrderStatus incoming) =>
        CanMove(current, incoming) ? incoming : current;
}
