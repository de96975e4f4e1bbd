using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators;

/// <summary>A platform SKU the simulator sells: its product id (抖店 product_id, 快手 kwaiItemId, 淘宝 num_iid) and SKU id.</summary>
public sealed record SimSku(string ProductId, string SkuId);

/// <summary>
/// One platform simulator's SKU stock, per shop (a shop first seen holds <see cref="InitialStock"/> of every known SKU), with
/// the count and time of the stock API's updates so tests can see pacing and coalescing. Thread-safe.
/// </summary>
public class SimSkuStock(IEnumerable<SimSku> skus, TimeProvider time)
{
    /// <summary>What a shop shows before anyone sets its stock.</summary>
    public const long InitialStock = 100;

    public sealed record Row(string ProductId, string SkuId, long Stock, int Updates, DateTimeOffset? UpdatedAt);

    public sealed record SetRequest(string? ShopId, string? SkuId, long? Stock);

    private readonly IReadOnlyDictionary<string, SimSku> known = skus.ToDictionary(s => s.SkuId, StringComparer.Ordinal);
    private readonly Dictionary<(string Shop, string Sku), Row> rows = [];
    private readonly Lock gate = new();

    public SimSku? Find(string skuId) => known.GetValueOrDefault(skuId);

    public Row Get(string shopId, string skuId)
    {
        lock (gate)
        {
            return RowOf(shopId, skuId);
        }
    }

    /// <summary>Applies <paramref name="change"/> to the SKU's stock under the lock; a null answer refuses it and changes nothing.</summary>
    public long? Update(string shopId, string skuId, Func<Row, long?> change)
    {
        lock (gate)
        {
            var row = RowOf(shopId, skuId);
            if (change(row) is not { } stock)
            {
                return null;
            }

            rows[(shopId, skuId)] = row with { Stock = stock, Updates = row.Updates + 1, UpdatedAt = time.GetUtcNow() };
            return stock;
        }
    }

    /// <summary>Sets the stock as a person or a sale would, without counting it as an API update.</summary>
    public void Set(string shopId, string skuId, long stock)
    {
        lock (gate)
        {
            rows[(shopId, skuId)] = RowOf(shopId, skuId) with { Stock = stock };
        }
    }

    public IReadOnlyList<Row> List(string shopId)
    {
        lock (gate)
        {
            return known.Keys.Order(StringComparer.Ordinal).Select(sku => RowOf(shopId, sku)).ToList();
        }
    }

    /// <summary><c>GET _sim/stock?shopId=</c> (each SKU's stock and API updates) and <c>POST _sim/stock</c> <c>{shopId, skuId, stock}</c>.</summary>
    public static void Map<TStock>(RouteGroupBuilder sim, string defaultShopId)
        where TStock : SimSkuStock
    {
        sim.MapGet("/stock", (HttpContext http, string? shopId) =>
            Results.Json(new { shopId = shopId ?? defaultShopId, skus = http.RequestServices.GetRequiredService<TStock>().List(shopId ?? defaultShopId) }, AdminJson.Options));
        sim.MapPost("/stock", async (HttpRequest request) =>
        {
            var stock = request.HttpContext.RequestServices.GetRequiredService<TStock>();
            if (await AdminJson.ReadAsync<SetRequest>(request) is not { SkuId: { } sku, Stock: >= 0 and var quantity } body || stock.Find(sku) is null)
            {
                return Results.BadRequest(new { error = "give a known skuId and a stock of zero or more" });
            }

            stock.Set(body.ShopId ?? defaultShopId, sku, quantity);
            return Results.Json(stock.Get(body.ShopId ?? defaultShopId, sku), AdminJson.Options);
        });
    }

    private Row RowOf(string shopId, string skuId)
    {
        if (rows.TryGetValue((shopId, skuId), out var row))
        {
            return row;
        }

        var sku = known[skuId];
        return new Row(sku.ProductId, sku.SkuId, InitialStock, 0, null);
    }
}
