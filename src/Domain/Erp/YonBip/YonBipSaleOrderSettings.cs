namespace ServerlessSync.Domain.Erp.YonBip;

/// <summary>
/// The tenant-specific codes a singleSave needs besides the document, named after the API's fields. Org and
/// customer fields take an ID or a code.
/// </summary>
public sealed record YonBipSaleOrderSettings
{
    /// <summary><c>transactionTypeId</c> (交易类型). "SO01" is the placeholder the reference's example uses.</summary>
    public string TransactionTypeId { get; init; } = "SO01";

    /// <summary><c>settlementOrgId</c> on header and lines; empty = the document's sales org.</summary>
    public string SettlementOrgId { get; init; } = "";

    /// <summary><c>stockOrgId</c> on the lines; empty = the document's sales org.</summary>
    public string StockOrgId { get; init; } = "";

    /// <summary><c>orderPrices!currency</c> and <c>orderPrices!natCurrency</c> when the document's currency is not an ISO code.</summary>
    public string Currency { get; init; } = "CNY";

    /// <summary><c>orderPrices!exchangeRateType</c>. "01" is the reference example's placeholder.</summary>
    public string ExchangeRateType { get; init; } = "01";

    /// <summary><c>taxId</c> per VAT rate in percent; rates not listed use <c>VAT{rate}</c> (e.g. VAT13, the example's code).</summary>
    public IReadOnlyDictionary<decimal, string> TaxIds { get; init; } = new Dictionary<decimal, string>();

    /// <summary>The <c>headItem</c> custom field (表头自定义项) that carries the platform order number and is looked up by.</summary>
    public string ExternalOrderNoDefine { get; init; } = YonBipHeadDefines.ExternalOrderNo;

    /// <summary>Write the marketing tags to <see cref="YonBipHeadDefines.MarketingByTag"/> (the tenant must have those fields).</summary>
    public bool WriteMarketingFields { get; init; } = true;

    public string TaxIdFor(decimal ratePercent) =>
        TaxIds.TryGetValue(ratePercent, out var id) ? id : "VAT" + ratePercent.ToString("0.##", CultureInfo.InvariantCulture);
}
