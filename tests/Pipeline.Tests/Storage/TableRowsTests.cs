using System.Text.RegularExpressions;

namespace ServerlessSync.Pipeline.Tests.Storage;

public sealed class TableRowsTests
{
    [Fact]
    public void Every_filter_stays_within_the_services_fifteen_comparisons_and_all_keys_are_named_once()
    {
        var keys = Enumerable.Range(0, 100).Select(i => $"o|{i}").Append("o|it's").Append("o|1").ToList();

        var filters = TableRows.Filters("douyin:shop", keys);

        Assert.All(filters, f => Assert.InRange(Regex.Matches(f, " eq ").Count, 2, 15));
        var named = filters.SelectMany(f => Regex.Matches(f, "RowKey eq '((?:[^']|'')*)'").Select(m => m.Groups[1].Value.Replace("''", "'"))).ToList();
        Assert.Equal(keys.Distinct().OrderBy(k => k, StringComparer.Ordinal), named.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(filters, f => Assert.StartsWith("PartitionKey eq 'douyin:shop' and (", f));
    }

    [Fact]
    public async Task The_rows_that_exist_among_many_keys_are_read()
    {
        var storage = await CoreStorage.CreateAsync();
        var table = await storage.TableAsync("RowsRead");
        foreach (var i in Enumerable.Range(0, 40).Where(i => i % 3 == 0))
        {
            await table.AddEntityAsync(new TableEntity("p", $"r{i:00}") { ["N"] = i });
        }

        await table.AddEntityAsync(new TableEntity("other", "r03"));

        var rows = await TableRows.ReadAsync(table, "p", Enumerable.Range(0, 40).Select(i => $"r{i:00}"), default);

        Assert.Equal(Enumerable.Range(0, 40).Where(i => i % 3 == 0).Select(i => $"r{i:00}"), rows.Keys.Order(StringComparer.Ordinal));
        Assert.All(rows.Values, r => Assert.Equal("p", r.PartitionKey));
    }
}
