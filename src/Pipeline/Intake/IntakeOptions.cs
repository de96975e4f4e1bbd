namespace ServerlessSync.Pipeline.Intake;

public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>How long an event waits before it is tried again while its order's instance is still running.</summary>
    public int BusyRetryDelaySeconds { get; set; } = 5;

    /// <summary>Tries before a message is moved to the poison queue (the Functions queue trigger's default).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a received message stays invisible before it is retried (the Functions trigger's host.json visibilityTimeout plays this role in Azure).</summary>
    public int VisibilityTimeoutSeconds { get; set; } = 30;
}
