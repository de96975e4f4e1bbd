namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>Connection to one K/3 Cloud site, bound from <c>Erp:Kingdee</c>.</summary>
public sealed class KingdeeOptions : ErpHttpOptions
{
    public const string SectionName = "Erp:Kingdee";

    /// <summary>账套 (data centre) id.</summary>
    [Required]
    public string AcctId { get; set; } = "";

    [Required]
    public string UserName { get; set; } = "";

    /// <summary>第三方系统登录授权 AppID, <c>{clientId}_{32 chars}</c>.</summary>
    [Required]
    public string AppId { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary>Language: 2052 = zh-CN.</summary>
    public int Lcid { get; set; } = 2052;

    /// <summary>Write the marketing tags to the F_SS_* custom fields (the site must have them).</summary>
    public bool WriteMarketingFields { get; set; } = true;

    /// <summary>
    /// Bills per BatchSave and platform order numbers per <c>in (...)</c> look-up. K/3 Cloud publishes no batch limit;
    /// 50 keeps one call's body small (about 1.5 KB per order) and its server time well inside <see cref="WriteTimeout"/>.
    /// 1 writes each order on its own with Save, Submit and Audit, as an ERP without a batch API.
    /// </summary>
    [Range(1, 500)]
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>Materials per STK_Inventory query (they go into one <c>in (...)</c> filter).</summary>
    [Range(1, 500)]
    public int StockQueryBatchSize { get; set; } = 100;

    /// <inheritdoc />
    public override IEnumerable<(string Key, string? Value)> RequiredSecrets => [(nameof(AppSecret), AppSecret)];
}
