namespace ServerlessSync.Pipeline.Tests.Storage;

public sealed class KeyedLockTests
{
    [Fact]
    public async Task Holders_of_one_key_run_one_at_a_time_and_other_keys_are_not_blocked()
    {
        var locks = new KeyedLock();
        var inside = 0;
        var maxInside = 0;
        var sameKey = Enumerable.Range(0, 20).Select(async _ =>
        {
            using (await locks.AcquireAsync("order-1", CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Yield();
                await Task.Delay(1);
                Interlocked.Decrement(ref inside);
            }
        }).ToList();

        using (var other = await locks.AcquireAsync("order-2", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.NotNull(other);
        }

        await Task.WhenAll(sameKey);
        Assert.Equal(1, maxInside);
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_no_entry_and_does_not_take_the_lock()
    {
        var locks = new KeyedLock();
        var held = await locks.AcquireAsync("k", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("k", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        held.Dispose(); // a second dispose is harmless
        Assert.Equal(0, locks.ActiveKeys);
        using var again = await locks.AcquireAsync("k", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, locks.ActiveKeys);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
