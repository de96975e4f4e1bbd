using Azure;

namespace ServerlessSync.Pipeline.Ledger;

/// <summary>Who may write an order now: a run (batch or per-order) from <see cref="AcquiredAt"/> until <see cref="Until"/>.</summary>
public sealed record OrderLease(OrderKey Key, string Owner, DateTimeOffset AcquiredAt, DateTimeOffset Until);

/// <summary>The orders a run now holds, and the leases of the orders another run holds.</summary>
public sealed record LeaseClaim(IReadOnlyList<OrderKey> Acquired, IReadOnlyList<OrderLease> Busy);

/// <summary>
/// Per-order write leases (DESIGN D7), so no two runs write one order at the same time: one row per order under the
/// ledger's keys, taken and given up with ETag compare-and-set. A lease ends at <see cref="OrderLease.Until"/> even if its
/// run crashed. The rows of one shop share a partition, so a batch run claims, hands over or releases all its orders of a
/// shop in one Tables transaction per 100 orders; when another run changed one of those rows in between, the round is read
/// and decided again (a few times), then retried one order at a time, so the others are not held up by it.
/// </summary>
public sealed class OrderLeases(StorageClients storage, TimeProvider clock)
{
    public const string TableName = "OrderLeases";

    /// <summary>Tables transactions carry at most 100 operations.</summary>
    private const int MaxKeysPerRound = 100;

    private const int MaxAttemptsPerOrder = 20;

    /// <summary>Whole-round tries before a contended round falls back to one order at a time.</summary>
    private const int MaxAttemptsPerRound = 3;

    /// <summary>Takes the lease of every order that is free, expired or already this owner's.</summary>
    public async Task<LeaseClaim> AcquireAsync(IReadOnlyCollection<OrderKey> keys, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var busy = new Dictionary<OrderKey, OrderLease>();
        var now = clock.GetUtcNow();
        var acquired = await ApplyAsync(
            keys,
            (key, row) =>
            {
                if (row is not null && ToLease(key, row) is var held && held.Owner != owner && held.Until > now)
                {
                    busy[key] = held;
                    return null;
                }

                busy.Remove(key);
                return Write(key, owner, now, duration, row);
            },
            cancellationToken);
        return new LeaseClaim(acquired, busy.Values.ToList());
    }

    /// <summary>
    /// Passes this owner's leases to each order's per-order run (owner = the order's instance id), so no other run slips in
    /// between; a lease another run took over after this one expired stays with that run.
    /// </summary>
    public Task<IReadOnlyList<OrderKey>> HandOverAsync(IReadOnlyCollection<OrderKey> keys, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return ApplyAsync(
            keys,
            (key, row) => row is null || row.GetString("Owner") is { } held && (held == owner || held == key.InstanceId || ToLease(key, row).Until <= now)
                ? Write(key, key.InstanceId, now, duration, row)
                : null,
            cancellationToken);
    }

    /// <summary>Gives up this owner's leases; a lease another run took over after this one expired is left alone.</summary>
    public Task<IReadOnlyList<OrderKey>> ReleaseAsync(IReadOnlyCollection<OrderKey> keys, string owner, CancellationToken cancellationToken) =>
        ApplyAsync(
            keys,
            (key, row) => row is not null && row.GetString("Owner") == owner
                ? new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag)
                : null,
            cancellationToken);

    public async Task<OrderLease?> GetAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(OrderLedger.PartitionKey(key.Platform, key.ShopId), OrderLedger.RowKey(key), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? ToLease(key, entity) : null;
    }

    private static TableTransactionAction Write(OrderKey key, string owner, DateTimeOffset now, TimeSpan duration, TableEntity? current)
    {
        var entity = new TableEntity(OrderLedger.PartitionKey(key.Platform, key.ShopId), OrderLedger.RowKey(key))
        {
            ["Owner"] = owner,
            ["AcquiredAt"] = now,
            ["Until"] = now + duration,
        };
        return current is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, current.ETag);
    }

    private static OrderLease ToLease(OrderKey key, TableEntity row) => new(
        key,
        row.GetString("Owner") ?? "",
        row.GetDateTimeOffset("AcquiredAt") ?? DateTimeOffset.MinValue,
        row.GetDateTimeOffset("Until") ?? DateTimeOffset.MinValue);

    /// <summary>
    /// Reads the rows of up to 100 orders of one shop (<see cref="TableRows"/>), asks <paramref name="decide"/> what to do with each
    /// (null: nothing) and submits the actions as one transaction; returns the orders whose action landed.
    /// </summary>
    private async Task<IReadOnlyList<OrderKey>> ApplyAsync(IReadOnlyCollection<OrderKey> keys, Func<OrderKey, TableEntity?, TableTransactionAction?> decide, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableName);
        var applied = new List<OrderKey>();
        foreach (var round in Rounds(keys))
        {
            if (await ApplyRoundAsync(table, round, decide, cancellationToken) is { } landed)
            {
                applied.AddRange(landed);
                continue;
            }

            // Other runs kept changing rows of this round (an order's two events in two runs, say): one order at a time.
            foreach (var key in round)
            {
                if (await ApplyOneAsync(table, key, decide, cancellationToken))
                {
                    applied.Add(key);
                }
            }
        }

        return applied;
    }

    /// <summary>
    /// The round read, decided and written as one transaction; when another run changed one of its rows in between, read
    /// and decided again, a few times. Null when it never landed.
    /// </summary>
    private static async Task<IReadOnlyList<OrderKey>?> ApplyRoundAsync(TableClient table, IReadOnlyList<OrderKey> round, Func<OrderKey, TableEntity?, TableTransactionAction?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttemptsPerRound; attempt++)
        {
            var rows = await TableRows.ReadAsync(table, OrderLedger.PartitionKey(round[0].Platform, round[0].ShopId), round.Select(OrderLedger.RowKey), cancellationToken);
            var planned = round.Select(k => (Key: k, Action: decide(k, rows.GetValueOrDefault(OrderLedger.RowKey(k))))).Where(p => p.Action is not null).ToList();
            if (planned.Count == 0)
            {
                return [];
            }

            try
            {
                await table.SubmitTransactionAsync(planned.Select(p => p.Action!), cancellationToken);
                return planned.Select(p => p.Key).ToList();
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
            {
                // A row another run wrote between the read and this transaction: read the round again.
            }
        }

        return null;
    }

    private static async Task<bool> ApplyOneAsync(TableClient table, OrderKey key, Func<OrderKey, TableEntity?, TableTransactionAction?> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(OrderLedger.PartitionKey(key.Platform, key.ShopId), OrderLedger.RowKey(key), cancellationToken: cancellationToken);
            if (decide(key, row.HasValue ? row.Value : null) is not { } action)
            {
                return false;
            }

            try
            {
                await table.SubmitTransactionAsync([action], cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < MaxAttemptsPerOrder)
            {
                await Task.Delay(Random.Shared.Next(0, Math.Min(50, 5 * attempt) + 1), cancellationToken);
            }
        }
    }

    /// <summary>The orders by shop (one partition each), at most <see cref="MaxKeysPerRound"/> a round, each order once.</summary>
    private static IEnumerable<IReadOnlyList<OrderKey>> Rounds(IReadOnlyCollection<OrderKey> keys) =>
        keys.Distinct()
            .GroupBy(k => OrderLedger.PartitionKey(k.Platform, k.ShopId))
            .SelectMany(shop => shop.DistinctBy(OrderLedger.RowKey).Chunk(MaxKeysPerRound));
}
