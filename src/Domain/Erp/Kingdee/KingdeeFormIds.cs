namespace ServerlessSync.Domain.Erp.Kingdee;

public static class KingdeeFormIds
{
    /// <summary>销售订单.</summary>
    public const string SaleOrder = "SAL_SaleOrder";

    /// <summary>即时库存 (inventory detail view: one row per material × warehouse × lot).</summary>
    public const string Inventory = "STK_Inventory";

    /// <summary>销售出库单: what the warehouse shipped, with carrier (FCarrierID) and waybill (FCarriageNO).</summary>
    public const string OutStock = "SAL_OUTSTOCK";

    /// <summary>物料 (the material master).</summary>
    public const string Material = "BD_MATERIAL";
}
