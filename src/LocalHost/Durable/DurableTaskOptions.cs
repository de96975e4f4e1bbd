using ServerlessSync.Pipeline.Configuration;

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

    /// <summary>
    /// How long a dequeued message stays hidden from other workers. The engine renews it while an activity runs, so
    /// this only decides how soon a crashed worker's messages come back (the backend's default is 5 minutes).
    /// </summary>
    public int MessageVisibilityTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Finished SyncOrder runs keep their task-hub history this long, then it is deleted (0 keeps it forever). The
    /// ledger holds each order's own history; this is the engine's record, useful only while debugging a run.
    /// </summary>
    public int PurgeCompletedAfterSeconds { get; set; } = 60;

    /// <summary>How often finished runs are looked for and purged.</summary>
    public int PurgeIntervalSeconds { get; set; } = 10;

    /// <summary>Storage for the task hub; defaults to Storage:ConnectionString.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The task hub's connection string: its own, else the app's.</summary>
    /// <exception cref="InvalidOperationException">Neither is set.</exception>
    public string ConnectionStringOr(ServerlessSync.Pipeline.Storage.StorageOptions storage) =>
        ConnectionString ?? storage.ConnectionString
            ?? throw new InvalidOperationException("DurableTask:ConnectionString or Storage:ConnectionString must be set for the local task hub.");

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems()
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(HubName ?? "", "^[A-Za-z][A-Za-z0-9]{2,44}$"))
        {
            yield return $"{nameof(HubName)} must be 3-45 letters and digits, starting with a letter";
        }

        foreach (var problem in SettingRules.AtLeast(nameof(PartitionCount), PartitionCount, 1)
            .Concat(SettingRules.AtLeast(nameof(MaxConcurrentActivities), MaxConcurrentActivities, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxConcurrentOrchestrations), MaxConcurrentOrchestrations, 1))
            .Concat(SettingRules.AtLeast(nameof(MaxQueuePollingIntervalMs), MaxQueuePollingIntervalMs, 1))
            .Concat(SettingRules.AtLeast(nameof(ControlQueueBatchSize), ControlQueueBatchSize, 1))
            .Concat(SettingRules.AtLeast(nameof(MessageVisibilityTimeoutSeconds), MessageVisibilityTimeoutSeconds, 1))
            .Concat(SettingRules.AtLeast(nameof(PurgeCompletedAfterSeconds), PurgeCompletedAfterSeconds, 0))
            .Concat(SettingRules.AtLeast(nameof(PurgeIntervalSeconds), PurgeIntervalSeconds, 1))
            .Concat(SettingRules.Secret(nameof(ConnectionString), ConnectionString, required: false)))
        {
            yield return problem;
        }
    }
}
