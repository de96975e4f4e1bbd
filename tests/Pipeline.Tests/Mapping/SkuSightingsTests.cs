namespace ServerlessSync.Pipeline.Tests.Mapping;

public sealed class SkuSightingsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static OrderSummary Order(string shop, string id, params (string Sku, int Quantity, bool Gift)[] lines) => new(
        new OrderKey("douyin", shop, id),
        OrderStatus.Paid,
        100,
        new OrderSalesFacts(T0, null, null, null, null, lines.Select(l => new SalesLine(l.Sku, "title " + l.Sku, l.Quantity, 100, l.Gift)).ToList()));

    private static async Task<List<JsonElement>> SkusAsync(SkusSeenApi api, string shop)
    {
        var reply = await api.ListAsync("douyin", shop, CancellationToken.None);
        Assert.Equal(200, reply.StatusCode);
        return JsonDocument.Parse(reply.Body).RootElement.GetProperty("skus").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Units_are_counted_once_per_order_however_often_it_is_seen_and_unmapped_skus_come_first()
    {
        var storage = await CoreStorage.CreateAsync();
        var sightings = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var profiles = new ProfileStore(storage, new ManualClock(T0));
        await profiles.SaveAsync(ProfileStoreTests.Profile("shop-1", skus: 0) with { Skus = new Dictionary<string, SkuMapping> { ["SKU-A"] = new("MAT-A", "Pcs"), ["SKU-NEVER"] = new("MAT-N", "Pcs") } }, "test", default);
        var api = new SkusSeenApi(storage, profiles);

        await sightings.RecordAsync([Order("shop-1", "1", ("SKU-A", 2, false), ("SKU-B", 1, false)), Order("shop-1", "2", ("SKU-A", 3, false), ("SKU-G", 1, true))], T0, default);
        await sightings.RecordAsync([Order("shop-1", "2", ("SKU-A", 3, false)), Order("shop-1", "3", ("SKU-B", 4, false)), Order("shop-2", "1", ("SKU-A", 7, false))], T0.AddMinutes(5), default);
        await sightings.RecordAsync([Order("shop-1", "1", ("SKU-A", 2, false))], T0.AddMinutes(9), default);

        var skus = await SkusAsync(api, "shop-1");
        var bySku = skus.ToDictionary(s => s.GetProperty("sku").GetString()!);
        Assert.Equal(["SKU-B", "SKU-G", "SKU-A", "SKU-NEVER"], skus.Select(s => s.GetProperty("sku").GetString()));
        Assert.Equal(5, bySku["SKU-A"].GetProperty("unitsSold").GetInt64());
        Assert.Equal(5, bySku["SKU-B"].GetProperty("unitsSold").GetInt64());
        Assert.Equal(0, bySku["SKU-G"].GetProperty("unitsSold").GetInt64()); // seen only as a gift
        Assert.Equal(0, bySku["SKU-NEVER"].GetProperty("unitsSold").GetInt64());
        Assert.Equal("title SKU-B", bySku["SKU-B"].GetProperty("title").GetString());
        Assert.Equal(T0.AddMinutes(5), bySku["SKU-B"].GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(T0, bySku["SKU-A"].GetProperty("lastSeen").GetDateTimeOffset()); // the re-reads of orders 1 and 2 were not new sightings
        Assert.Equal(JsonValueKind.Null, bySku["SKU-B"].GetProperty("mappedAs").ValueKind);
        Assert.Equal("material", bySku["SKU-A"].GetProperty("mappedAs").GetString());
        Assert.Equal("MAT-A", bySku["SKU-A"].GetProperty("material").GetProperty("materialNumber").GetString());
        Assert.Equal(7, (await SkusAsync(api, "shop-2")).Single().GetProperty("unitsSold").GetInt64());
    }

    [Fact]
    public async Task A_batch_larger_than_one_transaction_is_recorded_in_several()
    {
        var storage = await CoreStorage.CreateAsync();
        var sightings = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var orders = Enumerable.Range(0, 150).Select(i => Order("shop-9", $"o{i}", ($"SKU-{i % 40}", 1, false))).ToList();

        await sightings.RecordAsync(orders, T0, default);
        await sightings.RecordAsync(orders, T0, default);

        var skus = await SkusAsync(new SkusSeenApi(storage, new ProfileStore(storage, new ManualClock(T0))), "shop-9");
        Assert.Equal(40, skus.Count);
        Assert.Equal(150, skus.Sum(s => s.GetProperty("unitsSold").GetInt64()));
    }
    [Fact]
    public async Task Two_processes_seeing_the_same_orders_count_them_once()
    {
        var storage = await CoreStorage.CreateAsync();
        var first = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var second = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var orders = Enumerable.Range(0, 30).Select(i => Order("shop-5", $"o{i}", ("SKU-X", 2, false))).ToList();

        await first.RecordAsync(orders.Take(20).ToList(), T0, default);
        await second.RecordAsync(orders, T0, default);

        var sku = (await SkusAsync(new SkusSeenApi(storage, new ProfileStore(storage, new ManualClock(T0))), "shop-5")).Single();
        Assert.Equal(60, sku.GetProperty("unitsSold").GetInt64());
    }

    [Fact]
    public async Task An_order_this_process_counted_is_not_sent_to_storage_again()
    {
        var storage = await CoreStorage.CreateAsync();
        var sightings = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var orders = Enumerable.Range(0, 5).Select(i => Order("shop-6", $"o{i}", ("SKU-Y", 1, false))).ToList();
        await sightings.RecordAsync(orders, T0, default);

        // Without the markers in storage, only the process's own memory can tell that these orders were counted.
        var table = await storage.TableAsync(SkuSightings.TableName);
        await foreach (var marker in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.RowKey.CompareTo("o|") >= 0 && e.RowKey.CompareTo("o}") < 0))
        {
            await table.DeleteEntityAsync(marker.PartitionKey, marker.RowKey);
        }

        await sightings.RecordAsync(orders, T0.AddMinutes(1), default);

        var sku = (await SkusAsync(new SkusSeenApi(storage, new ProfileStore(storage, new ManualClock(T0))), "shop-6")).Single();
        Assert.Equal(5, sku.GetProperty("unitsSold").GetInt64());
        Assert.Equal(T0, sku.GetProperty("lastSeen").GetDateTimeOffset());
    }
    [Fact]
    public async Task Recordings_made_at_the_same_time_are_all_counted_once()
    {
        var storage = await CoreStorage.CreateAsync();
        var sightings = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var calls = Enumerable.Range(0, 12).Select(c => Enumerable.Range(0, 10).Select(i => Order("shop-7", $"o{(c * 10) + i}", ("SKU-Z", 3, false), ($"SKU-{c % 3}", 1, false))).ToList()).ToList();

        await Task.WhenAll(calls.Select(orders => Task.Run(() => sightings.RecordAsync(orders, T0, default))));
        await Task.WhenAll(calls.Take(4).Select(orders => Task.Run(() => sightings.RecordAsync(orders, T0, default))));

        var bySku = (await SkusAsync(new SkusSeenApi(storage, new ProfileStore(storage, new ManualClock(T0))), "shop-7")).ToDictionary(s => s.GetProperty("sku").GetString()!, s => s.GetProperty("unitsSold").GetInt64());
        Assert.Equal(360, bySku["SKU-Z"]);
        Assert.Equal([40L, 40L, 40L], new[] { bySku["SKU-0"], bySku["SKU-1"], bySku["SKU-2"] });
    }

    [Fact]
    public async Task Noted_sightings_are_written_behind_the_caller_and_stopping_waits_for_them()
    {
        var storage = await CoreStorage.CreateAsync();
        var sightings = new SkuSightings(storage, NullLogger<SkuSightings>.Instance);
        var notes = Enumerable.Range(0, 8).Select(c => Enumerable.Range(0, 30).Select(i => Order("shop-8", $"n{(c * 30) + i}", ("SKU-N", 2, false))).ToList()).ToList();

        foreach (var orders in notes)
        {
            sightings.Note(orders, T0);
        }

        sightings.Note([], T0);
        await sightings.DisposeAsync();

        var sku = (await SkusAsync(new SkusSeenApi(storage, new ProfileStore(storage, new ManualClock(T0))), "shop-8")).Single();
        Assert.Equal(480, sku.GetProperty("unitsSold").GetInt64());
    }
}
