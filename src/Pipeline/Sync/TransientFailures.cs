namespace ServerlessSync.Pipeline.Sync;

/// <summary>
/// Which activity failures a durable retry should handle. Failure details cross the Durable boundary as type
/// names, so the check is by name (an exception type filter would not see through the boundary in every host).
/// </summary>
public static class TransientFailures
{
    private static readonly string[] TransientTypeNames =
    [
        typeof(Domain.Erp.ErpTransientException).FullName!,
        typeof(Domain.Erp.ErpThrottledException).FullName!,
        typeof(Ports.PlatformTransientException).FullName!,
        typeof(HttpRequestException).FullName!,
        typeof(TimeoutException).FullName!,
        typeof(TaskCanceledException).FullName!,
        typeof(Azure.RequestFailedException).FullName!,
        typeof(Azure.Messaging.ServiceBus.ServiceBusException).FullName!,
    ];

    public static bool IsTransient(string? errorType) =>
        errorType is not null && TransientTypeNames.Any(t => errorType.Equals(t, StringComparison.Ordinal));
}
