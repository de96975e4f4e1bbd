namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// Custom header fields on SAL_SaleOrder that record the money finance reconciles with the platform's settlement:
/// the freight and the discounts by who bears them. Like <see cref="KingdeeMarketingFields"/> they are not standard
/// K/3 Cloud fields (decimal fields the customer adds in BOS) and are written under the same connector switch.
/// </summary>
public static class KingdeeMoneyFields
{
    public const string Freight = "F_SS_Freight";
    public const string MerchantDiscount = "F_SS_MerchantDiscount";
    public const string PlatformSubsidy = "F_SS_PlatformSubsidy";

    /// <summary>K/3 Cloud field key → amount in yuan.</summary>
    public static IReadOnlyDictionary<string, decimal> Of(ErpSalesOrder order) => new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        [Freight] = KingdeeMoney.FenToYuan(order.FreightFen),
        [MerchantDiscount] = KingdeeMoney.FenToYuan(order.MerchantDiscountFen),
        [PlatformSubsidy] = KingdeeMoney.FenToYuan(order.PlatformSubsidyFen),
    };
}
