using static ServerlessSync.Pipeline.Tests.Erp.YonBip.YonBipConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.YonBip;

public sealed class YonBipMaterialSearchTests
{
    [Fact]
    public async Task Searches_the_product_list_by_name_then_by_code_and_keeps_each_material_once()
    {
        await using var h = await StartAsync();
        var search = h.Services.GetRequiredService<IErpMaterialSearch>();

        var byName = await search.SearchMaterialsAsync("面霜", 20, CancellationToken.None);
        var byCode = await search.SearchMaterialsAsync("MAT-LIP", 20, CancellationToken.None);
        var full = await search.SearchMaterialsAsync("口红", 1, CancellationToken.None);

        var cream = Assert.Single(byName);
        Assert.Equal(("MAT-CREAM-50", "保湿面霜 50ml", "PCS"), (cream.Number, cream.Name, cream.Unit));
        Assert.Equal(["MAT-LIP-01", "MAT-LIP-02"], byCode.Select(m => m.Number));
        Assert.Single(full);
        Assert.Equal(5, h.Calls("list")); // name and code for the first two; a full page by name needs no second call
        Assert.Equal("YonBip", search.Kind);
    }
}
