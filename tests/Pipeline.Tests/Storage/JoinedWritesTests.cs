namespace ServerlessSync.Pipeline.Tests.Storage;

public sealed class JoinedWritesTests
{
    [Fact]
    public async Task Callers_arriving_during_a_write_share_the_next_one_and_each_gets_its_answer()
    {
        var firstWriteMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstWriteBegan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writes = new List<int[]>();
        var joined = new JoinedWrites<int, int>(async items =>
        {
            lock (writes)
            {
                writes.Add([.. items]);
            }

            if (writes.Count == 1)
            {
                firstWriteBegan.SetResult();
                await firstWriteMayEnd.Task;
            }

            return items.Sum();
        });

        var first = joined.JoinAsync([1]);
        await firstWriteBegan.Task;
        var during = Enumerable.Range(2, 5).Select(i => joined.JoinAsync([i, 10 * i])).ToList();
        Assert.Equal(10, joined.Waiting);
        firstWriteMayEnd.SetResult();

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(during), sum => Assert.Equal(Enumerable.Range(2, 5).Sum(i => 11 * i), sum));
        await joined.Idle;
        Assert.Equal(2, writes.Count);
        Assert.Equal(10, writes[1].Length);
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_of_it_and_the_next_write_still_runs()
    {
        var calls = 0;
        var joined = new JoinedWrites<string, int>(items =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("storage said no") : Task.FromResult(items.Count));

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => joined.JoinAsync(["a", "b"]));
        Assert.Equal("storage said no", failed.Message);
        Assert.Equal(1, await joined.JoinAsync(["c"]));
    }
}
