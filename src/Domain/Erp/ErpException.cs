namespace ServerlessSync.Domain.Erp;

/// <summary>A failure talking to an ERP that is worth retrying (network, 5xx, throttling, lost session).</summary>
public sealed class ErpTransientException : Exception
{
    public ErpTransientException(string message) : base(message) { }

    public ErpTransientException(string message, Exception inner) : base(message, inner) { }

    public ErpTransientException() { }
}

/// <summary>An ERP answer that does not follow its documented protocol.</summary>
public sealed class ErpProtocolException : Exception
{
    public ErpProtocolException(string message) : base(message) { }

    public ErpProtocolException(string message, Exception inner) : base(message, inner) { }

    public ErpProtocolException() { }
}
