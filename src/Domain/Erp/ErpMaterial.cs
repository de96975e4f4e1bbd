namespace ServerlessSync.Domain.Erp;

/// <summary>One material of the ERP's material master, as a material search lists it for the SKU map.</summary>
/// <param name="Number">The code the sales order names it by (Kingdee FNumber, SAP Product, YonBIP code, Jushuitan sku_id).</param>
/// <param name="Unit">Its base unit, the unit a SKU mapping usually takes; null when the ERP gave none.</param>
public sealed record ErpMaterial(string Number, string Name, string? Unit, string? Specification = null);
