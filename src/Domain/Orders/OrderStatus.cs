namespace ServerlessSync.Domain.Orders;

/// <summary>The canonical platform order status every platform's own codes are mapped to.</summary>
public enum OrderStatus
{
    PendingPayment = 0,
    Paid = 1,
    Shipped = 2,
    Completed = 3,
    Cancelled = 4,
    Refunded = 5,
}
