namespace ServerlessSync.Pipeline.Tests.Erp.Batching;

public sealed class ErpStockBatcherTests
{
    private static ErpStockBatcher Batcher(InMemoryErp erp, TimeProvider time) => new(
        erp,
        new ErpGovernor(new ErpGovernorOptions { MaxCallsPerSecond = 10_000, MaxConcurrency = 4 }),
        Options.Create(new ErpBatchingOptions { BatchWindowMs = 30 }),
        time);

    [Fact]
    public async Task Concurrent_checks_share_one_query_over_the_union_and_each_gets_its_own_materials()
    {
        var erp = new InMemoryErp(maxBatchSize: 50) { Stock = { ["LIP"] = 5, ["MASK"] = 0, ["CREAM"] = 12 } };
        var time = new ManualTimeProvider();
        using var batcher = Batcher(erp, time);

        var first = batcher.GetStockAsync(["LIP", "MASK"], CancellationToken.None);
        var second = batcher.GetStockAsync(["MASK", "CREAM"], CancellationToken.None);
        Assert.Empty(erp.StockQueries);
        time.Advance(TimeSpan.FromMilliseconds(30));

        var levels = await Task.WhenAll(first, second);
        Assert.Equal(["CREAM", "LIP", "MASK"], erp.StockQueries.Single().Order());
        Assert.Equal(new Dictionary<string, decimal> { ["LIP"] = 5, ["MASK"] = 0 }, levels[0].AvailableByMaterial);
        Assert.Equal(new Dictionary<string, decimal> { ["MASK"] = 0, ["CREAM"] = 12 }, levels[1].AvailableByMaterial);
    }

    [Fact]
    public async Task With_a_batch_size_of_one_each_check_queries_on_its_own()
    {
        var erp = new InMemoryErp(maxBatchSize: 1) { Stock = { ["LIP"] = 5 } };
        using var batcher = Batcher(erp, new ManualTimeProvider());

        var levels = await Task.WhenAll(batcher.GetStockAsync(["LIP"], CancellationToken.None), batcher.GetStockAsync(["LIP"], CancellationToken.None));

        Assert.Equal(2, erp.StockQueries.Count);
        Assert.All(levels, l => Assert.Equal(5, l.Available("LIP")));
    }
}
