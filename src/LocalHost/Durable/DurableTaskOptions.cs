namespace ServerlessSync.LocalHost.Durable;

/// <summary>The Durable Task Framework backend on Azurite (section <c>DurableTask</c>); mirrors host.json's durableTask settings.</summary>
public sealed class DurableTaskOptions
{
    public const string SectionName = "DurableTask";

    public string HubName { get; set; } = "ServerlessSync";

    /// <summary>Control-queue partitions; several LocalHost processes on one Azurite share them (as Functions instances do).</summary>
    public int PartitionCount { get; set; } = 4;

    public int MaxConcurrentActivities { get; set; } = 32;

    public int MaxConcurrentOrchestrations { get; set; } = 32;

    public int MaxQueuePollingIntervalMs { get; set; } = 1000;

    /// <summary>Keeps a running orchestration's history in memory between episodes instead of re-reading it from the History table.</summary>
    public bool ExtendedSessions { get; set; }

    /// <summary>Control-queue messages fetched per poll.</summary>
    public int ControlQueueBatchSize { get; set; } = 32;

    /// <summary>Storage for the task hub; defaults to Storage:ConnectionString.</summary>
    public string? ConnectionString { get; set; }
}
