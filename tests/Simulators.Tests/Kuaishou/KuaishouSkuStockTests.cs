using System.Globalization;

namespace ServerlessSync.Simulators.Tests.Kuaishou;

/// <summary>open.item.sku.list.get and open.item.sku.stock.update: numbers required, the documented bounds, never below zero.</summary>
[Collection(KuaishouSimulatorCollection.Name)]
public sealed class KuaishouSkuStockTests(KuaishouSimulatorFixture sim)
{
    private static readonly DemoCatalog.Product Serum = DemoCatalog.Products[4];

    private KuaishouSimStock Stock => sim.Services.GetRequiredService<KuaishouSimStock>();

    /// <summary>A seller of its own per test (any seller is reached with its prefixed token).</summary>
    private static string NewSeller() => Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<JsonElement> CallAsync(string seller, string method, JsonObject param)
    {
        var request = KuaishouApiSigner.BuildRequest(
            sim.Options.AppKey, sim.Options.SignSecret, KuaishouOpenApiEndpoints.SellerTokenPrefix + seller, method, param, DateTimeOffset.UtcNow, KuaishouApiSigner.HmacSha256);
        return await sim.Http.GetFromJsonAsync<JsonElement>(sim.Url("kuaishou" + request.PathAndQuery));
    }

    private static JsonObject Change(long change, long changeType) => new()
    {
        ["kwaiItemId"] = long.Parse(Serum.ProductId, CultureInfo.InvariantCulture),
        ["skuId"] = long.Parse(Serum.SkuId, CultureInfo.InvariantCulture),
        ["skuChangeStock"] = change,
        ["changeType"] = changeType,
    };

    private static (long Result, string? SubCode) Outcome(JsonElement answer) =>
        (answer.GetProperty("result").GetInt64(), answer.TryGetProperty("sub_code", out var sub) ? sub.GetString() : null);

    [Fact]
    public async Task Changes_add_and_subtract_within_the_documented_bounds_and_never_go_below_zero()
    {
        var seller = NewSeller();

        Assert.Equal(1, Outcome(await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(8, 1))).Result);
        Assert.Equal(1, Outcome(await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(3, 2))).Result);
        var below = await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(106, 2));
        var zero = await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(0, 1));
        var tooLarge = await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(KuaishouSkuStock.MaxStock, 1));
        var overMax = await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(KuaishouSkuStock.MaxChange, 1));
        var setType = await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, Change(5, 3));

        Assert.Equal((KuaishouApiError.BusinessFailedResult, "STOCK_NOT_ENOUGH"), Outcome(below));
        Assert.All([zero, tooLarge, overMax, setType], a => Assert.Equal(KuaishouApiError.ParameterInvalidResult, Outcome(a).Result));
        Assert.Equal((SimSkuStock.InitialStock + 5, 2), (Stock.Get(seller, Serum.SkuId).Stock, Stock.Get(seller, Serum.SkuId).Updates));
    }

    [Fact]
    public async Task Ids_and_amounts_must_be_numbers_and_the_sku_must_be_the_items()
    {
        var seller = NewSeller();
        var asText = Change(5, 1);
        asText["skuChangeStock"] = "5";
        var wrongItem = Change(5, 1);
        wrongItem["kwaiItemId"] = long.Parse(DemoCatalog.Products[0].ProductId, CultureInfo.InvariantCulture);

        Assert.Equal(KuaishouApiError.ParameterInvalidResult, Outcome(await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, asText)).Result);
        Assert.Equal("ITEM_NOT_EXIST", Outcome(await CallAsync(seller, KuaishouApiMethods.SkuStockUpdate, wrongItem)).SubCode);
        Assert.Equal(0, Stock.Get(seller, Serum.SkuId).Updates);
    }

    [Fact]
    public async Task The_sku_list_shows_each_skus_stock_for_the_sellers_item()
    {
        var seller = NewSeller();
        Stock.Set(seller, Serum.SkuId, 12);

        var answer = await CallAsync(seller, KuaishouApiMethods.SkuListGet, new JsonObject { ["kwaiItemId"] = long.Parse(Serum.ProductId, CultureInfo.InvariantCulture) });
        var unknown = await CallAsync(seller, KuaishouApiMethods.SkuListGet, new JsonObject { ["kwaiItemId"] = 1 });

        var sku = answer.GetProperty("data").GetProperty("skuList").EnumerateArray().Single();
        Assert.Equal(Serum.SkuId, sku.GetProperty("kwaiSkuId").GetRawText());
        Assert.Equal(12, sku.GetProperty("skuStock").GetInt64());
        Assert.Equal("ITEM_NOT_EXIST", Outcome(unknown).SubCode);
    }
}
