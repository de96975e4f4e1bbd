using System.ComponentModel.DataAnnotations;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>How ERP calls from concurrent activities are gathered into batches, bound from <c>Erp</c>.</summary>
public sealed class ErpBatchingOptions
{
    public const string SectionName = "Erp";

    /// <summary>
    /// How long the first write or stock check of a batch waits for others before the batch goes, in milliseconds.
    /// Only matters while the ERP keeps up: when it does not, requests gather while earlier batches run. Small, because
    /// every order waits it once per ERP step.
    /// </summary>
    [Range(0, 1000)]
    public int BatchWindowMs { get; set; } = 30;

    public TimeSpan BatchWindow => TimeSpan.FromMilliseconds(BatchWindowMs);
}
