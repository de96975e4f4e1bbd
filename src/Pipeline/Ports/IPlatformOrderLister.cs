using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>One order a platform's incremental list reports as changed within a window.</summary>
public sealed record ChangedOrder(string OrderId, DateTimeOffset UpdatedAt);

/// <summary>
/// One page of an incremental list; <see cref="NextCursor"/> is null after the last page of the window. Entries the lister
/// could not read are in <see cref="Skipped"/>: the pull keeps them for a person and goes on with the rest.
/// </summary>
public sealed record ChangedOrderPage(IReadOnlyList<ChangedOrder> Orders, string? NextCursor, IReadOnlyList<SkippedListEntry>? Skipped = null)
{
    public IReadOnlyList<SkippedListEntry> Skipped { get; } = Skipped ?? [];
}

/// <summary>
/// A platform's incremental order list by update time (the pull half of intake). Implementations follow the
/// platform's own window limit (<see cref="MaxWindow"/>), page size and paging style; the caller splits longer
/// spans into windows and pages through each window with the cursor.
/// </summary>
public interface IPlatformOrderLister
{
    string Platform { get; }

    /// <summary>The longest update-time window one list call may cover (e.g. Taobao 1 day, Kuaishou 7 days).</summary>
    TimeSpan MaxWindow { get; }

    /// <exception cref="PlatformTransientException">Network failure, 5xx or throttling.</exception>
    /// <exception cref="PlatformRequestException">The platform refused the request.</exception>
    Task<ChangedOrderPage> ListChangedAsync(string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken);
}
