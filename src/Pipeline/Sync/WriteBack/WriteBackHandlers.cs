namespace ServerlessSync.Pipeline.Sync.WriteBack;

/// <summary>The registered <see cref="IWriteBackHandler"/>s, run in registration order.</summary>
public sealed class WriteBackHandlers(IEnumerable<IWriteBackHandler> handlers)
{
    /// <summary>Orders of one batch a handler works on at once: each is a few storage calls.</summary>
    public const int MaxConcurrentOrders = 8;

    private readonly IReadOnlyList<IWriteBackHandler> all = handlers.ToList();

    public async Task HandleAsync(WrittenBack written, CancellationToken cancellationToken)
    {
        foreach (var handler in all)
        {
            await handler.HandleAsync(written, cancellationToken);
        }
    }

    public async Task HandleManyAsync(IReadOnlyList<WrittenBack> written, CancellationToken cancellationToken)
    {
        foreach (var handler in all)
        {
            await handler.HandleManyAsync(written, cancellationToken);
        }
    }
}
