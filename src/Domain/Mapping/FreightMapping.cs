namespace ServerlessSync.Domain.Mapping;

/// <summary>How the freight the buyer paid reaches the ERP, so the ERP order's total equals what the buyer paid.</summary>
public sealed record FreightMapping
{
    public static readonly FreightMapping Allocated = new();

    public FreightMode Mode { get; init; } = FreightMode.Allocate;

    /// <summary>The ERP charge (service/expense) material of the freight line; required for <see cref="FreightMode.ChargeLine"/>.</summary>
    public string? MaterialNumber { get; init; }

    public string? UnitNumber { get; init; }

    /// <summary>Warehouse of the freight line; the profile's default warehouse when empty.</summary>
    public string? Warehouse { get; init; }
}

public enum FreightMode
{
    /// <summary>The freight is spread over the paid goods lines in proportion to their amounts (exact to the fen).</summary>
    Allocate = 0,

    /// <summary>The freight is its own ERP line with the profile's charge material (Jushuitan: the order's <c>freight</c> field).</summary>
    ChargeLine = 1,
}
