namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>The registered <see cref="IWriteBackHandler"/>s: per order in registration order, or over a batch.</summary>
public sealed class WriteBackHandlers(IEnumerable<IWriteBackHandler> handlers)
{
    /// <summary>Orders of one batch whose handlers run at once: each order's steps are a few storage calls.</summary>
    public const int MaxConcurrentOrders = 8;

    private readonly IReadOnlyList<IWriteBackHandler> all = handlers.ToList();

    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        foreach (var handler in all)
        {
            await handler.HandleAsync(written, cancellationToken);
        }
    }

    /// <summary>
    /// A batch run's write-backs: one pass over the orders, each order's handlers in registration order (up to
    /// <see cref="MaxConcurrentOrders"/> orders at once), and beside it each <see cref="IJoiningWriteBackHandler"/> once over
    /// all of them. One pass, not one per handler, so no handler waits for the slowest order of the one before it.
    /// </summary>
    public async Task HandleManyAsync(IReadOnlyList<WrittenBack> written, CancellationToken cancellationToken)
    {
        var perOrder = all.Where(h => h is not IJoiningWriteBackHandler).ToList();
        var eachOrder = Parallel.ForEachAsync(
            written,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentOrders, CancellationToken = cancellationToken },
            async (one, token) =>
            {
                foreach (var handler in perOrder)
                {
                    await handler.HandleAsync(one, token);
                }
            });
        var joined = all.OfType<IJoiningWriteBackHandler>().Select(h => h.HandleManyAsync(written, cancellationToken));
        await Task.WhenAll(joined.Prepend(eachOrder));
    }
}
