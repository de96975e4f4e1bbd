namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>Connection to one Jushuitan (聚水潭) company, bound from <c>Erp:Jushuitan</c>.</summary>
public sealed class JushuitanOptions : ErpHttpOptions
{
    public const string SectionName = "Erp:Jushuitan";

    [Required]
    public string AppKey { get; set; } = "";

    [Required]
    public string AppSecret { get; set; } = "";

    /// <summary>The company's access_token (valid 30 days, from getInitToken / refreshToken).</summary>
    [Required]
    public string AccessToken { get; set; } = "";

    /// <summary>The Jushuitan shop number (<c>shop_id</c>) orders are uploaded to and looked up in; so_id is unique within it.</summary>
    [Required]
    public string ShopId { get; set; } = "";

    /// <summary><c>wms_co_id</c> of the inventory query (a warehouse or branch); empty = the company's own stock.</summary>
    public string WmsCoId { get; set; } = "";

    /// <summary>Orders per orders/upload call in <see cref="JushuitanConnector.UploadOrdersAsync"/>, and so the size of the
    /// write batches (<see cref="JushuitanConnector.MaxBatchSize"/>). The API's own limit is not published; 50 is our choice.</summary>
    [Range(1, 200)]
    public int UploadBatchSize { get; set; } = 50;

    /// <summary>Outbound documents per page of 销售出库查询 (the API allows up to 100).</summary>
    [Range(1, 100)]
    public int ShipmentPageSize { get; set; } = 50;

    /// <inheritdoc />
    public override IEnumerable<(string Key, string? Value)> RequiredSecrets => [(nameof(AppSecret), AppSecret), (nameof(AccessToken), AccessToken)];
}
