namespace ServerlessSync.Domain.Erp;

/// <summary>A failure talking to an ERP that is worth retrying (network, 5xx, throttling, lost session).</summary>
public class ErpTransientException : Exception
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

/// <summary>
/// The ERP said "too many calls" (Kingdee MsgCode 14, YonBIP 3100xx, SAP 429/503, Jushuitan 199/200). Transient,
/// but not a sign the ERP is down: the governor slows down instead of opening its circuit.
/// </summary>
public sealed class ErpThrottledException : ErpTransientException
{
    public ErpThrottledException(string message) : base(message) { }

    public ErpThrottledException(string message, Exception inner) : base(message, inner) { }

    public ErpThrottledException() { }
}
