namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// The endpoint, timeouts and circuit break every ERP connector's options carry (section <c>Erp:{Kind}</c>); the ERP's
/// own settings are added by its subclass. Reads (logins, tokens, look-ups, stock) may be retried, writes never.
/// </summary>
public abstract class ErpHttpOptions
{
    /// <summary>
    /// The ERP's API root: the K/3 Cloud WebAPI root (<c>http://host/k3cloud/</c>), the S/4HANA host root (OData paths
    /// <c>/sap/opu/odata/sap/...</c> are added), the YonBIP tenant gateway (getGatewayAddress's <c>gatewayUrl</c>) or
    /// the Jushuitan open-API root (<c>https://openapi.jushuitan.com</c>).
    /// </summary>
    [Required]
    public string BaseUrl { get; set; } = "";

    /// <summary>Timeout of one write call (create, submit, audit, reverse). Writes are never retried.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the write client's circuit stays open once half of at least 10 writes in its sampling window failed.</summary>
    public TimeSpan WriteBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one attempt of a read call.</summary>
    public TimeSpan ReadAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of a read call including its retries.</summary>
    public TimeSpan ReadTotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a read after a network failure, timeout or 5xx.</summary>
    public int ReadRetryCount { get; set; } = 3;

    /// <summary>First retry delay of reads; later ones back off exponentially with jitter.</summary>
    public TimeSpan ReadRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The ERP's credentials by setting name: each must be set, and be no unresolved Key Vault reference.</summary>
    public abstract IEnumerable<(string Key, string? Value)> RequiredSecrets { get; }
}
