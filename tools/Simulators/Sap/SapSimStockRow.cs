namespace ServerlessSync.Simulators.Sap;

/// <summary>One A_MatlStkInAcctMod row: stock of a material per plant, storage location, batch and stock type.</summary>
public sealed record SapSimStockRow(string Material, string Plant, string StorageLocation, string Batch, string InventoryStockType, decimal Quantity)
{
    public IReadOnlyDictionary<string, string> Properties() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Material"] = Material,
        ["Plant"] = Plant,
        ["StorageLocation"] = StorageLocation,
        ["Batch"] = Batch,
        ["Supplier"] = "",
        ["Customer"] = "",
        ["WBSElementInternalID"] = "00000000",
        ["SDDocument"] = "",
        ["SDDocumentItem"] = "000000",
        ["InventorySpecialStockType"] = "",
        ["InventoryStockType"] = InventoryStockType,
        ["MaterialBaseUnit"] = SapSimCatalog.BaseUnit,
        ["MatlWrhsStkQtyInMatlBaseUnit"] = SapSimJson.Decimal(Quantity, 3),
    };

    /// <summary>The entity key as it appears in <c>__metadata.uri</c>.</summary>
    public string Key() =>
        $"Material='{Esc(Material)}',Plant='{Esc(Plant)}',StorageLocation='{Esc(StorageLocation)}',Batch='{Esc(Batch)}',Supplier='',Customer=''," +
        $"WBSElementInternalID='00000000',SDDocument='',SDDocumentItem='000000',InventorySpecialStockType='',InventoryStockType='{Esc(InventoryStockType)}'";

    private static string Esc(string value) => Uri.EscapeDataString(value.Replace("'", "''", StringComparison.Ordinal));
}
