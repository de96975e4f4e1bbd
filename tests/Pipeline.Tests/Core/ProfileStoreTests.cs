namespace ServerlessSync.Pipeline.Tests.Core;

public class ProfileStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 18, 20, 0, 0, TimeSpan.Zero);

    internal static MappingProfile Profile(string shop = "shop-1", int skus = 2) => new()
    {
        Platform = "douyin",
        ShopId = shop,
        CustomerNumber = "CUST-DY",
        SalesOrgNumber = "100",
        DefaultWarehouse = "WH-MAIN",
        StockPolicy = StockPolicy.WriteAnyway,
        Skus = Enumerable.Range(0, skus).ToDictionary(i => $"35000000{i:D6}", i => new SkuMapping($"M-{i:D6}", "Pcs", i % 2 == 0 ? null : "WH-COLD")),
    };

    [Fact]
    public async Task Save_numbers_versions_keeps_every_version_and_Get_returns_the_latest()
    {
        var storage = await CoreStorage.CreateAsync();
        var store = new ProfileStore(storage, new ManualClock(T0));

        Assert.Null(await store.GetAsync("douyin", "shop-1", default));

        var v1 = await store.SaveAsync(Profile() with { Version = 42 }, "alice", default);
        var v2 = await store.SaveAsync(Profile() with { CustomerNumber = "CUST-2" }, "bob", default);
        var v3 = await store.SaveAsync(Profile() with { CustomerNumber = "CUST-3" }, "carol", default);

        Assert.Equal([1, 2, 3], new[] { v1.Version, v2.Version, v3.Version });
        var latest = await store.GetAsync("douyin", "shop-1", default);
        Assert.NotNull(latest);
        Assert.Equal(3, latest.Version);
        Assert.Equal("CUST-3", latest.CustomerNumber);
        Assert.Equal(StockPolicy.WriteAnyway, latest.StockPolicy);
        Assert.Equal(Profile().Skus, latest.Skus);

        var table = await storage.TableAsync(ProfileStore.TableName);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "douyin:shop-1"))
        {
            rows.Add(row);
        }

        var versions = rows.Where(r => r.RowKey.StartsWith('v')).OrderBy(r => r.RowKey).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Equal(["alice", "bob", "carol"], versions.Select(r => r.GetString("ChangedBy")));
        Assert.Equal(["CUST-DY", "CUST-2", "CUST-3"], versions.Select(r => ProfileStore.Parse(Document(r)).CustomerNumber));
        Assert.Null(await store.GetAsync("douyin", "shop-2", default));
    }

    [Fact]
    public async Task Documents_are_json_with_enum_names()
    {
        var storage = await CoreStorage.CreateAsync();
        await new ProfileStore(storage, new ManualClock(T0)).SaveAsync(Profile(), "alice", default);

        var table = await storage.TableAsync(ProfileStore.TableName);
        var current = (await table.GetEntityAsync<TableEntity>("douyin:shop-1", "current")).Value;
        var json = Document(current);

        Assert.Matches("\"stockPolicy\":\\s*\"WriteAnyway\"", json);
        Assert.Contains("\"materialNumber\"", json);
        var parsed = ProfileStore.Parse("{\"platform\":\"douyin\",\"shopId\":\"s\",\"customerNumber\":\"C\",\"salesOrgNumber\":\"1\",\"defaultWarehouse\":\"W\",\"stockPolicy\":\"Hold\",\"skus\":{}}");
        Assert.Equal(StockPolicy.Hold, parsed.StockPolicy);
    }

    [Fact]
    public async Task A_shop_with_thousands_of_skus_can_be_saved_and_read()
    {
        var store = new ProfileStore(await CoreStorage.CreateAsync(), new ManualClock(T0));
        var big = Profile(skus: 3_000);

        await store.SaveAsync(big, "import", default);
        var saved = await store.SaveAsync(big with { SalesmanNumber = "EMP-1" }, "import", default);

        var read = await store.GetAsync("douyin", "shop-1", default);
        Assert.NotNull(read);
        Assert.Equal(2, saved.Version);
        Assert.Equal(2, read.Version);
        Assert.Equal(3_000, read.Skus.Count);
        Assert.Equal(new SkuMapping("M-002999", "Pcs", "WH-COLD"), read.Skus["35000000002999"]);
    }

    /// <summary>The stored document, however the store lays it out in the row.</summary>
    private static string Document(TableEntity row)
    {
        var parts = row.GetInt32("DocumentParts") ?? 1;
        return string.Concat(Enumerable.Range(0, parts).Select(i => row.GetString(i == 0 ? "Document" : $"Document{i}")));
    }
}

public class ProfileSeederTests
{
    [Fact]
    public async Task Seeds_each_shop_from_a_directory_once()
    {
        var dir = Directory.CreateTempSubdirectory("profiles-");
        try
        {
            var store = new ProfileStore(await CoreStorage.CreateAsync(), TimeProvider.System);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "a.json"), System.Text.Json.JsonSerializer.Serialize(ProfileStoreTests.Profile("shop-a"), ProfileStore.Json));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "b.json"), System.Text.Json.JsonSerializer.Serialize(ProfileStoreTests.Profile("shop-b"), ProfileStore.Json));
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "notes.txt"), "not a profile");
            var seeder = new ProfileSeeder(store, NullLogger<ProfileSeeder>.Instance);

            Assert.Equal(2, await seeder.SeedAsync(dir.FullName, default));
            Assert.Equal(0, await seeder.SeedAsync(dir.FullName, default));

            Assert.Equal(1, (await store.GetAsync("douyin", "shop-a", default))!.Version);
            Assert.Equal(1, (await store.GetAsync("douyin", "shop-b", default))!.Version);
            Assert.Equal(0, await seeder.SeedAsync(Path.Combine(dir.FullName, "missing"), default));
            Assert.Equal(0, await seeder.SeedAsync(null, default));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Seeding_does_not_overwrite_a_profile_changed_through_the_store()
    {
        var dir = Directory.CreateTempSubdirectory("profiles-");
        try
        {
            var store = new ProfileStore(await CoreStorage.CreateAsync(), TimeProvider.System);
            await store.SaveAsync(ProfileStoreTests.Profile("shop-a") with { CustomerNumber = "EDITED" }, "ops", default);
            await File.WriteAllTextAsync(Path.Combine(dir.FullName, "a.json"), System.Text.Json.JsonSerializer.Serialize(ProfileStoreTests.Profile("shop-a"), ProfileStore.Json));

            Assert.Equal(0, await new ProfileSeeder(store, NullLogger<ProfileSeeder>.Instance).SeedAsync(dir.FullName, default));
            Assert.Equal("EDITED", (await store.GetAsync("douyin", "shop-a", default))!.CustomerNumber);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

public class ProfileStoreConcurrencyTests
{
    [Fact]
    public async Task Concurrent_saves_each_get_their_own_version()
    {
        var storage = await CoreStorage.CreateAsync();
        var store = new ProfileStore(storage, TimeProvider.System);

        var saved = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
            store.SaveAsync(ProfileStoreTests.Profile() with { CustomerNumber = $"C{i}" }, $"editor{i}", default))));

        Assert.Equal([1, 2, 3, 4, 5, 6], saved.Select(p => p.Version).Order());
        var latest = await store.GetAsync("douyin", "shop-1", default);
        Assert.Equal(6, latest!.Version);
        Assert.Equal(saved.Single(p => p.Version == 6).CustomerNumber, latest.CustomerNumber);

        var table = await storage.TableAsync(ProfileStore.TableName);
        var versionRows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == "douyin:shop-1", select: ["RowKey"]))
        {
            versionRows.Add(row.RowKey);
        }

        Assert.Equal(["current", "v000001", "v000002", "v000003", "v000004", "v000005", "v000006"], versionRows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_save_interrupted_halfway_does_not_block_later_saves()
    {
        var storage = await CoreStorage.CreateAsync();
        var store = new ProfileStore(storage, TimeProvider.System);
        await store.SaveAsync(ProfileStoreTests.Profile(), "alice", default);

        // A worker died after writing one of the two rows of version 2.
        var table = await storage.TableAsync(ProfileStore.TableName);
        await table.AddEntityAsync(new TableEntity("douyin:shop-1", "v000002") { ["Document"] = "{}", ["ChangedBy"] = "crashed" });

        var next = await store.SaveAsync(ProfileStoreTests.Profile() with { CustomerNumber = "AFTER" }, "bob", default);

        Assert.Equal(2, next.Version);
        Assert.Equal("AFTER", (await store.GetAsync("douyin", "shop-1", default))!.CustomerNumber);
        var v2 = (await table.GetEntityAsync<TableEntity>("douyin:shop-1", "v000002")).Value;
        Assert.Equal("bob", v2.GetString("ChangedBy"));
    }
}
