using System.Globalization;
using ServerlessSync.Domain.Erp.YonBip;

namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>Connection to one YonBIP tenant, bound from <c>Erp:YonBip</c>. Code fields take an ID or a code.</summary>
public sealed class YonBipOptions : ErpHttpOptions
{
    public const string SectionName = "Erp:YonBip";

    /// <summary>getGatewayAddress's <c>tokenUrl</c>; empty = <see cref="BaseUrl"/>.</summary>
    public string TokenUrl { get; set; } = "";

    [Required]
    public string AppKey { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary><c>transactionTypeId</c> of the sales orders. Default "SO01" (the reference example's placeholder).</summary>
    public string TransactionTypeId { get; set; } = "SO01";

    /// <summary><c>settlementOrgId</c>; empty = the profile's sales org.</summary>
    public string SettlementOrgId { get; set; } = "";

    /// <summary><c>stockOrgId</c> of the lines; empty = the profile's sales org.</summary>
    public string StockOrgId { get; set; } = "";

    /// <summary><c>orderPrices!currency</c>/<c>natCurrency</c> unless the document carries an ISO code. Default CNY.</summary>
    public string Currency { get; set; } = "CNY";

    /// <summary><c>orderPrices!exchangeRateType</c>. Default "01".</summary>
    public string ExchangeRateType { get; set; } = "01";

    /// <summary><c>taxId</c> per VAT rate ("13" → "VAT13"); rates not listed use <c>VAT{rate}</c>.</summary>
    public Dictionary<string, string> TaxIds { get; set; } = [];

    /// <summary>Header define (<c>headItem.defineN</c>) holding the platform order number; lookups filter on it. Default define13.</summary>
    public string ExternalOrderNoDefine { get; set; } = YonBipHeadDefines.ExternalOrderNo;

    /// <summary>Write the marketing tags to headItem define14–17 (the tenant must have them).</summary>
    public bool WriteMarketingFields { get; set; } = true;

    /// <summary><c>org</c> filter of the current-stock query; empty = every org.</summary>
    public string StockQueryOrg { get; set; } = "";

    /// <summary><c>warehouse</c> filter of the current-stock query; empty = every warehouse.</summary>
    public string StockQueryWarehouse { get; set; } = "";

    /// <summary>A token is renewed this long before it expires (at most half its lifetime before).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>销售出库单 list rows (bill lines) per page when reading shipments.</summary>
    [Range(1, 500)]
    public int ShipmentPageSize { get; set; } = 100;

    public Uri GatewayUri => new(BaseUrl, UriKind.Absolute);

    public Uri TokenUri => new(string.IsNullOrWhiteSpace(TokenUrl) ? BaseUrl : TokenUrl, UriKind.Absolute);

    public YonBipSaleOrderSettings SaleOrderSettings() => new()
    {
        TransactionTypeId = TransactionTypeId,
        SettlementOrgId = SettlementOrgId,
        StockOrgId = StockOrgId,
        Currency = Currency,
        ExchangeRateType = ExchangeRateType,
        TaxIds = TaxIds
            .Where(p => decimal.TryParse(p.Key, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => decimal.Parse(p.Key, NumberStyles.Number, CultureInfo.InvariantCulture), p => p.Value),
        ExternalOrderNoDefine = ExternalOrderNoDefine,
        WriteMarketingFields = WriteMarketingFields,
    };

    /// <inheritdoc />
    public override IEnumerable<(string Key, string? Value)> RequiredSecrets => [(nameof(AppSecret), AppSecret)];
}
