namespace ServerlessSync.Domain.Mapping;

/// <summary>A combo (组合装) SKU: one platform line becomes one ERP line per component.</summary>
/// <param name="Basis">Overrides the profile's <see cref="MappingProfile.PriceAllocation"/> for this combo.</param>
public sealed record ComboMapping(IReadOnlyList<ComboComponent> Components, AllocationBasis? Basis = null);

/// <param name="Quantity">Units of this material in one combo.</param>
/// <param name="ListPriceFen">The component's list price for one unit; the weight for <see cref="AllocationBasis.ListPrice"/>.</param>
public sealed record ComboComponent(string MaterialNumber, string UnitNumber, int Quantity, long ListPriceFen, string? Warehouse = null);

public enum AllocationBasis
{
    /// <summary>In proportion to list price × quantity (the default merchants expect).</summary>
    ListPrice = 0,

    /// <summary>In proportion to component quantity.</summary>
    Quantity = 1,

    /// <summary>Equal shares per component.</summary>
    Equal = 2,
}

/// <summary>
/// Adds <see cref="GiftQuantity"/> units of a gift material for every <see cref="PerQuantity"/> units of the trigger
/// SKU bought, so gifts scale with quantity (buy 2 get 1: PerQuantity 2, GiftQuantity 1).
/// </summary>
public sealed record GiftRule(string TriggerSku, string GiftMaterial, string GiftUnit, int GiftQuantity = 1, int PerQuantity = 1, string? Warehouse = null);
