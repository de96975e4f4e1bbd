namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>An <c>open.order.detail</c> answer: the order, or the platform's error envelope.</summary>
public sealed record KuaishouOrderDetailResult(Order? Order, KuaishouApiError? Error)
{
    public bool IsSuccess => Order is not null;

    public static KuaishouOrderDetailResult Success(Order order) => new(order, null);

    public static KuaishouOrderDetailResult Failure(KuaishouApiError error) => new(null, error);
}

/// <summary>A response that is not the documented envelope or lacks a required field.</summary>
public sealed class KuaishouResponseFormatException : FormatException
{
    public KuaishouResponseFormatException(string message) : base(message) { }

    public KuaishouResponseFormatException(string message, Exception inner) : base(message, inner) { }

    public KuaishouResponseFormatException() { }
}
