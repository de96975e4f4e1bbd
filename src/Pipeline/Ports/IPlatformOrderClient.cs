namespace ServerlessSync.Pipeline.Ports;

/// <summary>Reads one order's current state from a platform's order-detail API.</summary>
public interface IPlatformOrderClient
{
    /// <summary>The platform name (see <see cref="PlatformNames"/>).</summary>
    string Platform { get; }

    /// <exception cref="PlatformTransientException">Network failure, 5xx or throttling: worth retrying.</exception>
    /// <exception cref="PlatformRequestException">The platform refused the request (bad credentials, unknown order...).</exception>
    Task<Order> GetOrderAsync(OrderKey key, CancellationToken cancellationToken);
}

public sealed class PlatformTransientException : Exception
{
    public PlatformTransientException(string message) : base(message) { }

    public PlatformTransientException(string message, Exception inner) : base(message, inner) { }

    public PlatformTransientException() { }
}

public sealed class PlatformRequestException : Exception
{
    public PlatformRequestException(string message) : base(message) { }

    public PlatformRequestException(string message, Exception inner) : base(message, inner) { }

    public PlatformRequestException() { }
}
