using Azure;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>
/// The platform SKUs the hub has seen per shop (table <c>SkusSeen</c>, one partition per shop): title, when last seen and
/// units sold, for the mapping workbench's SKU map. Orders pass here as they are prepared, a whole batch at once: per shop
/// one Tables transaction adds a marker row per order and moves each SKU's row by what the new orders bring, every row
/// guarded (a marker insert fails when the order was counted before; a SKU row by its ETag), so re-reads of an order add
/// nothing and two workers cannot lose each other's units. The SKU key is the one the planner reports unmapped (the
/// merchant code when the platform gives one, else the platform SKU id).
/// </summary>
public sealed class SkuSightings(StorageClients storage, ILogger<SkuSightings> logger, int rememberedOrders = SkuSightings.RememberedOrders) : IAsyncDisposable
{
    /// <summary>How long stopping the host waits for sightings still being written.</summary>
    public static readonly TimeSpan FlushOnStop = TimeSpan.FromSeconds(10);

    /// <summary>Orders this process remembers as counted: an order prepared again (its second push) is skipped before storage.</summary>
    public const int RememberedOrders = 100_000;

    public const string TableName = "SkusSeen";
    public const string SkuPrefix = "s|";
    private const string OrderPrefix = "o|";
    private const int MaxActionsPerTransaction = 100;
    private const int MaxAttempts = MaxActionsPerTransaction + 10;

    public static string Partition(string platform, string shopId) => TableKeys.Sanitize($"{platform}:{shopId}");

    public static string SkuRow(string sku) => SkuPrefix + TableKeys.Sanitize(sku);

    /// <summary>
    /// Markers this process wrote or found. Without it, each re-read order's marker failed the whole transaction, which was
    /// then sent again without it: 5.3 entity writes an order in the 5,000-order burst. The marker insert stays the guard.
    /// </summary>
    private readonly RecentKeys counted = new(rememberedOrders);

    private JoinedWrites<(OrderSummary Order, DateTimeOffset SeenAt), bool>? joined;

    private JoinedWrites<(OrderSummary Order, DateTimeOffset SeenAt), bool> Joined =>
        LazyInitializer.EnsureInitialized(ref joined, () => new(WriteAsync));

    /// <summary>
    /// Records in the background: the caller goes on at once. A batch's preparation used to wait for the write its orders
    /// joined, and in the 5,000-order burst that write (every order waiting, ~90 per transaction) held each preparation
    /// 10–15 s. Failures are logged by the writer; disposing waits for what is queued.
    /// </summary>
    public void Note(IReadOnlyList<OrderSummary> orders, DateTimeOffset seenAt)
    {
        if (orders.Count == 0)
        {
            return;
        }

        _ = RecordAsync(orders, seenAt, CancellationToken.None).ContinueWith(
            static written => written.Exception, // logged by the writer; observed here so no caller has to
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Waits (at most <see cref="FlushOnStop"/>) for the sightings still queued or being written.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Joined.Idle.WaitAsync(FlushOnStop);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("SKU sightings still being written after {Seconds} s at stop; {Queued} orders not recorded", FlushOnStop.TotalSeconds, Joined.Waiting);
        }
    }

    /// <summary>
    /// Never throws for storage trouble: a missed sighting must not fail an order's sync; it is logged. One writer at a time
    /// in this process (every batch of a shop moves the same few SKU rows: concurrent writers racing on their ETags cost ~33
    /// transactions an order in the 5,000-order burst), and what arrives while it writes joins the next write.
    /// </summary>
    public Task RecordAsync(IReadOnlyList<OrderSummary> orders, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        Joined.JoinAsync(orders.Select(o => (o, seenAt))).WaitAsync(cancellationToken);

    private async Task<bool> WriteAsync(IReadOnlyList<(OrderSummary Order, DateTimeOffset SeenAt)> sightings)
    {
        try
        {
            await RecordShopsAsync(sightings.Select(s => s.Order).ToList(), sightings.Max(s => s.SeenAt), CancellationToken.None);
            return true;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "SKU sightings of {Orders} orders not recorded", sightings.Count);
            throw;
        }
    }

    private async Task RecordShopsAsync(IReadOnlyList<OrderSummary> orders, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var fresh = orders.DistinctBy(o => o.Key).Where(o => !counted.Contains(o.Key.InstanceId));
        foreach (var shop in fresh.GroupBy(o => Partition(o.Key.Platform, o.Key.ShopId)))
        {
            foreach (var chunk in Chunks(shop.ToList()))
            {
                try
                {
                    await RecordChunkAsync(shop.Key, chunk, seenAt, cancellationToken);
                }
                catch (Exception ex) when (ex is RequestFailedException or InvalidOperationException)
                {
                    logger.LogWarning(ex, "SKU sightings of {Orders} orders of {Shop} not recorded", chunk.Count, shop.Key);
                }
            }
        }
    }

    /// <summary>Orders grouped so that one marker per order plus one row per SKU fit in a transaction.</summary>
    private static IEnumerable<List<OrderSummary>> Chunks(List<OrderSummary> orders)
    {
        var chunk = new List<OrderSummary>();
        var skus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var mine = order.Sales.Lines.Select(l => l.ProductKey).ToList();
            if (chunk.Count > 0 && chunk.Count + 1 + skus.Union(mine).Count() > MaxActionsPerTransaction)
            {
                yield return chunk;
                (chunk, skus) = ([], new HashSet<string>(StringComparer.Ordinal));
            }

            chunk.Add(order);
            skus.UnionWith(mine);
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task RecordChunkAsync(string partition, List<OrderSummary> orders, DateTimeOffset seenAt, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var pending = orders.ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var bySku = pending.SelectMany(o => o.Sales.Lines).GroupBy(l => l.ProductKey, StringComparer.Ordinal).ToList();
            var rows = await Task.WhenAll(bySku.Select(g => table.GetEntityIfExistsAsync<TableEntity>(partition, SkuRow(g.Key), cancellationToken: cancellationToken)));
            var actions = pending.Select(o => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, OrderPrefix + TableKeys.Sanitize(o.Key.OrderId)))).ToList();
            foreach (var (lines, existing) in bySku.Zip(rows))
            {
                var units = lines.Where(l => !l.IsGift).Sum(l => (long)l.Quantity);
                var row = new TableEntity(partition, SkuRow(lines.Key))
                {
                    ["Sku"] = lines.Key,
                    ["Title"] = lines.Last().Title,
                    ["LastSeen"] = seenAt,
                    ["UnitsSold"] = (existing.HasValue ? existing.Value!.GetInt64("UnitsSold") ?? 0 : 0) + units,
                };
                actions.Add(existing.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, existing.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, row));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                pending.ForEach(o => counted.Add(o.Key.InstanceId));
                return;
            }
            catch (TableTransactionFailedException ex) when (attempt < MaxAttempts && ex.FailedTransactionActionIndex is { } failed && ex.Status is 409 or 412)
            {
                // A marker that exists: that order was counted before, drop it. A SKU row another worker moved: read again.
                if (failed < pending.Count && ex.Status == 409)
                {
                    counted.Add(pending[failed].Key.InstanceId);
                    pending.RemoveAt(failed);
                }
            }
        }
    }
}
