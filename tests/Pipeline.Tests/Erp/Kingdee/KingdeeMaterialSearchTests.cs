using static ServerlessSync.Pipeline.Tests.Erp.Kingdee.KingdeeConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Kingdee;

public sealed class KingdeeMaterialSearchTests
{
    [Fact]
    public async Task Searches_BD_MATERIAL_by_code_or_name_with_one_ExecuteBillQuery_and_literal_wildcards()
    {
        await using var h = await StartAsync();
        var search = h.Services.GetRequiredService<IErpMaterialSearch>();

        var byName = await search.SearchMaterialsAsync("面霜", 20, CancellationToken.None);
        var byCode = await search.SearchMaterialsAsync("mat-lip", 20, CancellationToken.None);
        var top = await search.SearchMaterialsAsync("MAT", 3, CancellationToken.None);
        var wildcard = await search.SearchMaterialsAsync("%", 20, CancellationToken.None);
        var quoted = await search.SearchMaterialsAsync("x' or '1'='1", 20, CancellationToken.None);

        var cream = Assert.Single(byName);
        Assert.Equal(("MAT-CREAM-50", "保湿面霜 50ml", "Pcs"), (cream.Number, cream.Name, cream.Unit));
        Assert.Equal(["MAT-LIP-01", "MAT-LIP-02"], byCode.Select(m => m.Number));
        Assert.Equal(3, top.Count);
        Assert.Empty(wildcard);
        Assert.Empty(quoted);
        Assert.Equal("Kingdee", search.Kind);
        Assert.Equal(5, h.Calls("ExecuteBillQuery"));
    }
}
