
namespace ServerlessSync.Pipeline.StockPush;

/// <summary>
/// <c>GET /api/stock-push[?platform=douyin&amp;shopId=100200300]</c> (viewer): the SKUs the stock push knows, with the
/// figure last pushed to the platform, when, and any failure it is retrying; all shops unless both filters are given.
/// </summary>
public sealed class StockPushApi(StockPushStore store)
{
    public async Task<HttpReply> GetAsync(string? platform, string? shopId, CancellationToken cancellationToken)
    {
        if ((platform is null) != (shopId is null))
        {
            return HttpReply.Error(400, "give both platform and shopId, or neither");
        }

        if (platform is not null && !PlatformNames.IsKnown(platform))
        {
            return HttpReply.Error(400, $"platform must be one of {string.Join(", ", PlatformNames.All)}");
        }

        var skus = await store.ListSkusAsync(platform, shopId, cancellationToken);
        return HttpReply.JsonBody(200, new
        {
            count = skus.Count,
            skus = skus.Select(s => new
            {
                platform = s.Platform,
                shopId = s.ShopId,
                productId = s.ProductId,
                skuId = s.SkuId,
                merchantCode = s.MerchantCode,
                pushed = s.Pushed,
                pushedAt = s.PushedAt,
                failures = s.Failures,
                nextTryAt = s.NextTryAt,
                lastError = s.LastError,
            }),
        });
    }
}
