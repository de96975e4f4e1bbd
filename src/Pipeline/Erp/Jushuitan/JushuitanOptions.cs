using System.ComponentModel.DataAnnotations;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>Connection to one Jushuitan (聚水潭) company, bound from <c>Erp:Jushuitan</c>.</summary>
public sealed class JushuitanOptions : IErpHttpOptions
{
    public const string SectionName = "Erp:Jushuitan";

    /// <summary>The open-API root, e.g. <c>https://openapi.jushuitan.com</c> (test: <c>https://dev-api.jushuitan.com</c>).</summary>
    [Required]
    public string BaseUrl { get; set; } = "";

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

    /// <summary>Timeout of one orders/upload call. Writes are never retried.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt of an order or inventory query.</summary>
    public TimeSpan ReadAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of a query including its retries.</summary>
    public TimeSpan ReadTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a query after a network failure, timeout or 5xx.</summary>
    public int ReadRetryCount { get; set; } = 3;

    /// <summary>First retry delay of queries; later ones back off exponentially with jitter.</summary>
    public TimeSpan ReadRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public IEnumerable<(string Key, string? Value)> RequiredSecrets => [(nameof(AppSecret), AppSecret), (nameof(AccessToken), AccessToken)];
}
