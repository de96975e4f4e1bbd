namespace ServerlessSync.Domain.Erp;

public enum ErpWriteResult
{
    Created = 0,
    AlreadyExists = 1,
    Rejected = 2,
    Transient = 3,

    /// <summary>The ERP order was closed, deleted or reversed after a cancel or refund.</summary>
    Reversed = 4,

    /// <summary>A reversal's look-up found no ERP order for the platform order (and none can still commit): nothing to reverse.</summary>
    NotFound = 5,
}

/// <summary>
/// The typed outcome of writing one sales order. Rejected is a business refusal (never retried);
/// Transient is worth retrying (network, 5xx, throttling).
/// </summary>
public sealed record ErpWriteOutcome(ErpWriteResult Result, string? ErpOrderNumber, string? Reason)
{
    public static ErpWriteOutcome Created(string number) => new(ErpWriteResult.Created, number, null);

    public static ErpWriteOutcome AlreadyExists(string number) => new(ErpWriteResult.AlreadyExists, number, null);

    public static ErpWriteOutcome Rejected(string reason) => new(ErpWriteResult.Rejected, null, reason);

    public static ErpWriteOutcome Transient(string reason) => new(ErpWriteResult.Transient, null, reason);

    public static ErpWriteOutcome Reversed(string number) => new(ErpWriteResult.Reversed, number, null);

    public static ErpWriteOutcome NotFound() => new(ErpWriteResult.NotFound, null, null);

    public bool IsInErp => Result is ErpWriteResult.Created or ErpWriteResult.AlreadyExists;
}

/// <summary>An ERP order found by the platform order number.</summary>
/// <param name="ExternalOrderNo">The platform order number the ERP's answer says this document carries (null when the answer did not say).</param>
/// <param name="TotalAmountFen">The order's total (the receivable) as the ERP holds it, in fen; null when the answer did not say.</param>
public sealed record ErpOrderRef(string Number, string Id, string DocumentStatus, string? ExternalOrderNo = null, long? TotalAmountFen = null);

/// <summary>Available quantity per ERP material number.</summary>
public sealed record StockLevels(IReadOnlyDictionary<string, decimal> AvailableByMaterial)
{
    public decimal Available(string material) => AvailableByMaterial.TryGetValue(material, out var q) ? q : 0m;
}
