namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>An <c>order.orderDetail</c> answer: the order, or the platform's error envelope.</summary>
public sealed record DouyinOrderDetailResult(Order? Order, DouyinApiError? Error)
{
    public bool IsSuccess => Order is not null;

    public static DouyinOrderDetailResult Success(Order order) => new(order, null);

    public static DouyinOrderDetailResult Failure(DouyinApiError error) => new(null, error);
}

/// <summary>A response that is not the documented envelope or lacks a required field.</summary>
public sealed class DouyinResponseFormatException : FormatException
{
    public DouyinResponseFormatException(string message) : base(message) { }

    public DouyinResponseFormatException(string message, Exception inner) : base(message, inner) { }

    public DouyinResponseFormatException() { }
}
