namespace ServerlessSync.Pipeline.Sync;

/// <summary>Durable retry settings for the sync (bound from <c>Sync</c>). Short transient retries happen inside activities.</summary>
public sealed class SyncSettings
{
    public const string SectionName = "Sync";

    public int WriteErpMaxAttempts { get; set; } = 6;

    public int WriteErpFirstRetrySeconds { get; set; } = 5;

    public int WriteErpMaxRetrySeconds { get; set; } = 300;

    public int FetchMaxAttempts { get; set; } = 5;

    public int FetchFirstRetrySeconds { get; set; } = 2;
}
