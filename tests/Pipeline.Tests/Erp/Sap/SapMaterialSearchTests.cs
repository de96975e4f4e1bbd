using static ServerlessSync.Pipeline.Tests.Erp.Sap.SapConnectorHarness;

namespace ServerlessSync.Pipeline.Tests.Erp.Sap;

public sealed class SapMaterialSearchTests
{
    [Fact]
    public async Task Searches_API_PRODUCT_SRV_descriptions_by_code_or_name_and_reads_the_base_units()
    {
        await using var h = await StartAsync();
        var search = h.Services.GetRequiredService<IErpMaterialSearch>();

        var byName = await search.SearchMaterialsAsync("面霜", 20, CancellationToken.None);
        var byCode = await search.SearchMaterialsAsync("MAT-LIP", 20, CancellationToken.None);
        var top = await search.SearchMaterialsAsync("MAT", 2, CancellationToken.None);
        var none = await search.SearchMaterialsAsync("x') or ('1'='1", 20, CancellationToken.None);

        var cream = Assert.Single(byName);
        Assert.Equal(("MAT-CREAM-50", "保湿面霜 50ml", "PC"), (cream.Number, cream.Name, cream.Unit));
        Assert.Equal(["MAT-LIP-01", "MAT-LIP-02"], byCode.Select(m => m.Number).Order());
        Assert.All(byCode, m => Assert.StartsWith("丝绒口红", m.Name, StringComparison.Ordinal)); // the Chinese description, not the English one
        Assert.Equal(2, top.Count);
        Assert.Empty(none);
        Assert.Equal("Sap", search.Kind);
    }
}
