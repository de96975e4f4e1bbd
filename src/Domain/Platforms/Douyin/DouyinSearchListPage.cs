namespace ServerlessSync.Domain.Platforms.Douyin;

/// <summary>One entry of <c>shop_order_list</c>: the shop order id and when it last changed.</summary>
public sealed record DouyinSearchListItem(string OrderId, DateTimeOffset UpdatedAt, string? ShopId);

/// <summary>A successful <c>order.searchList</c> answer: <c>data{page, size, total, shop_order_list[]}</c>; entries that cannot be read are in <see cref="Skipped"/>.</summary>
public sealed record DouyinSearchListPage(long Page, long Size, long Total, IReadOnlyList<DouyinSearchListItem> Orders, IReadOnlyList<SkippedListEntry>? Skipped = null)
{
    public IReadOnlyList<SkippedListEntry> Skipped { get; } = Skipped ?? [];

    /// <summary>
    /// The page to ask for after the requested <paramref name="page"/> of <paramref name="size"/>, or null when this was
    /// the last one: everything up to <c>total</c> has been seen, or the page came back empty (which also ends a listing
    /// whose total shrank while it was paged).
    /// </summary>
    public int? NextPage(int page, int size) =>
        Entries == 0 || ((long)page * size) + Entries >= Total ? null : page + 1;

    /// <summary>Entries the page held, read or skipped: paging counts them all.</summary>
    private int Entries => Orders.Count + Skipped.Count;
}

/// <summary>An <c>order.searchList</c> answer: a page, or the platform's error envelope.</summary>
public sealed record DouyinSearchListResult(DouyinSearchListPage? Page, DouyinApiError? Error)
{
    public bool IsSuccess => Page is not null;

    public static DouyinSearchListResult Success(DouyinSearchListPage page) => new(page, null);

    public static DouyinSearchListResult Failure(DouyinApiError error) => new(null, error);
}
