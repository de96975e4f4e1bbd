namespace ServerlessSync.Domain.Platforms.Kuaishou;

/// <summary>One order of a cursor-list page: its id and last change.</summary>
public sealed record KuaishouListedOrder(string OrderId, long Status, DateTimeOffset UpdatedAt);

/// <summary>One <c>open.order.cursor.list</c> page; <see cref="NextCursor"/> is null once the platform answers <c>"nomore"</c>.</summary>
public sealed record KuaishouOrderListPage(IReadOnlyList<KuaishouListedOrder> Orders, string? NextCursor, IReadOnlyList<SkippedListEntry>? Skipped = null)
{
    /// <summary>Entries that could not be read: skipped, kept for a person.</summary>
    public IReadOnlyList<SkippedListEntry> Skipped { get; } = Skipped ?? [];
}

/// <summary>An <c>open.order.cursor.list</c> answer: the page, or the platform's error envelope.</summary>
public sealed record KuaishouOrderListResult(KuaishouOrderListPage? Page, KuaishouApiError? Error);
