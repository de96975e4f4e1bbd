using static ServerlessSync.Pipeline.Tests.Erp.Jushuitan.JushuitanConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

public sealed class JushuitanMaterialSearchTests
{
    [Fact]
    public async Task Searches_sku_query_by_name_in_part_then_by_the_exact_code()
    {
        await using var h = await StartAsync();
        var search = h.Services.GetRequiredService<IErpMaterialSearch>();

        var byName = await search.SearchMaterialsAsync("面霜", 20, CancellationToken.None);
        var byCode = await search.SearchMaterialsAsync("MAT-LIP-01", 20, CancellationToken.None);
        var partOfACode = await search.SearchMaterialsAsync("MAT-LIP", 20, CancellationToken.None);
        var full = await search.SearchMaterialsAsync("口红", 1, CancellationToken.None);
        var freight = await search.SearchMaterialsAsync("运费", 20, CancellationToken.None);

        var cream = Assert.Single(byName);
        Assert.Equal(("MAT-CREAM-50", "保湿面霜 50ml", "Pcs"), (cream.Number, cream.Name, cream.Unit));
        Assert.Equal("MAT-LIP-01", Assert.Single(byCode).Number);
        Assert.Empty(partOfACode); // codes are matched whole: sku_ids takes exact 商品编码
        Assert.Single(full);
        Assert.Equal("service", Assert.Single(freight).Specification);
        Assert.Equal(9, h.Calls("sku/query")); // name and code for four searches; a full page by name needs no second call
        Assert.Equal("Jushuitan", search.Kind);
    }

    [Fact]
    public async Task Throttling_refused_credentials_and_server_errors_are_transient()
    {
        await using var h = await StartAsync();
        var search = h.Services.GetRequiredService<IErpMaterialSearch>();
        h.Sim.Options.TransientFailureRate = 1;
        var on500 = await Assert.ThrowsAsync<ErpTransientException>(() => search.SearchMaterialsAsync("面霜", 20, CancellationToken.None));
        h.Sim.Options.TransientFailureRate = 0;
        h.Sim.Options.AccessToken = "another-token";
        var refused = await Assert.ThrowsAsync<ErpTransientException>(() => search.SearchMaterialsAsync("面霜", 20, CancellationToken.None));
        h.Sim.Options.MaxCallsPerSecond = 0.001;
        await Assert.ThrowsAnyAsync<ErpTransientException>(() => search.SearchMaterialsAsync("takes-the-last-token", 20, CancellationToken.None));
        var throttled = await Assert.ThrowsAsync<ErpThrottledException>(() => search.SearchMaterialsAsync("面霜", 20, CancellationToken.None));

        Assert.Contains("500", on500.Message, StringComparison.Ordinal);
        Assert.Contains("credentials refused", refused.Message, StringComparison.Ordinal);
        Assert.Contains("199", throttled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_material_search_route_answers_for_a_jushuitan_deployment_and_caches()
    {
        await using var h = await StartAsync();
        var api = new MaterialSearchApi(h.Services.GetServices<IErpMaterialSearch>(), TimeProvider.System);

        var first = await api.SearchAsync("面霜", null, CancellationToken.None);
        var again = await api.SearchAsync("面霜", null, CancellationToken.None);

        Assert.Equal((200, 200), (first.StatusCode, again.StatusCode));
        var body = JsonDocument.Parse(first.Body).RootElement;
        Assert.Equal("Jushuitan", body.GetProperty("erp").GetString());
        Assert.Equal("MAT-CREAM-50", body.GetProperty("materials")[0].GetProperty("number").GetString());
        Assert.True(JsonDocument.Parse(again.Body).RootElement.GetProperty("cached").GetBoolean());
        Assert.Equal(2, h.Calls("sku/query"));
    }
}
