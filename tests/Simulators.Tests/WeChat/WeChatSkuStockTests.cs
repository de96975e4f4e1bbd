namespace ServerlessSync.Simulators.Tests.WeChat;

/// <summary>stock/get and stock/update: diff_type 1/2/3, the documented error codes, never below zero.</summary>
[Collection(WeChatSimulatorCollection.Name)]
public sealed class WeChatSkuStockTests(WeChatSimulatorFixture sim)
{
    private static readonly DemoCatalog.Product Mask = DemoCatalog.Products[3];

    private WeChatSimStock Stock => sim.Services.GetRequiredService<WeChatSimStock>();

    private async Task<JsonElement> PostAsync(string path, string body)
    {
        var token = (await sim.Http.GetFromJsonAsync<JsonElement>(sim.Url(
            $"wechat/cgi-bin/token?grant_type=client_credential&appid={sim.Options.AppId}&secret={sim.Options.AppSecret}"))).GetProperty("access_token").GetString()!;
        using var response = await sim.Http.PostAsync(sim.Url($"wechat{path}?access_token={Uri.EscapeDataString(token)}"), new StringContent(body, Encoding.UTF8, "application/json"));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<JsonElement> UpdateAsync(int diffType, long num, string? skuId = null) =>
        PostAsync(WeChatStockEndpoints.UpdatePath, $$"""{"product_id":"{{Mask.ProductId}}","sku_id":"{{skuId ?? Mask.SkuId}}","diff_type":{{diffType}},"num":{{num}}}""");

    private static long ErrCode(JsonElement answer) => answer.GetProperty("errcode").GetInt64();

    [Fact]
    public async Task Add_subtract_and_set_change_the_stock_and_a_subtraction_below_zero_or_of_zero_is_refused()
    {
        Stock.Set(WeChatSimStock.ShopId, Mask.SkuId, 10);
        var before = Stock.Get(WeChatSimStock.ShopId, Mask.SkuId).Updates;

        Assert.Equal(0, ErrCode(await UpdateAsync(1, 5)));
        Assert.Equal(0, ErrCode(await UpdateAsync(2, 3)));
        Assert.Equal(10020219, ErrCode(await UpdateAsync(2, 13)));
        Assert.Equal(10020218, ErrCode(await UpdateAsync(1, 0)));
        Assert.Equal(12, (await PostAsync(WeChatStockEndpoints.GetPath, $$"""{"product_id":"{{Mask.ProductId}}","sku_id":"{{Mask.SkuId}}"}"""))
            .GetProperty("data").GetProperty("normal_stock_num").GetInt64());
        Assert.Equal(0, ErrCode(await UpdateAsync(3, 0)));

        Assert.Equal((0L, before + 3), (Stock.Get(WeChatSimStock.ShopId, Mask.SkuId).Stock, Stock.Get(WeChatSimStock.ShopId, Mask.SkuId).Updates));
    }

    [Fact]
    public async Task Bad_params_an_unknown_sku_and_too_frequent_updates_get_their_documented_codes()
    {
        Stock.Set(WeChatSimStock.ShopId, Mask.SkuId, 10);

        Assert.Equal(10020051, ErrCode(await UpdateAsync(4, 1)));
        Assert.Equal(10020051, ErrCode(await PostAsync(WeChatStockEndpoints.UpdatePath, $$"""{"product_id":{{Mask.ProductId}},"sku_id":"{{Mask.SkuId}}","diff_type":1,"num":1}""")));
        Assert.Equal(10020052, ErrCode(await UpdateAsync(1, 1, skuId: DemoCatalog.Products[0].SkuId)));
        sim.Options.StockUpdateMinIntervalMs = 60_000;
        try
        {
            Assert.Equal(0, ErrCode(await UpdateAsync(1, 1)));
            Assert.Equal(10020112, ErrCode(await UpdateAsync(1, 1)));
        }
        finally
        {
            sim.Options.StockUpdateMinIntervalMs = 0;
        }

        Assert.Equal(11, Stock.Get(WeChatSimStock.ShopId, Mask.SkuId).Stock);
    }
}
