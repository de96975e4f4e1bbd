namespace ServerlessSync.Pipeline.Ports;

/// <summary>A platform SKU as its stock API names it: the product (抖店 product_id, 快手 kwaiItemId, 微信小店 product_id, 淘宝 num_iid) and the SKU.</summary>
public sealed record PlatformSku(string ProductId, string SkuId);

/// <summary>Sets the stock of one platform SKU through the platform's documented stock API.</summary>
public interface IPlatformStockWriter
{
    /// <summary>The platform name (see <see cref="Domain.Orders.PlatformNames"/>).</summary>
    string Platform { get; }

    /// <summary>Makes the platform show <paramref name="quantity"/> (zero or more) for the SKU.</summary>
    /// <returns>The stock the platform shows after the call, as far as the API tells (else <paramref name="quantity"/>).</returns>
    /// <exception cref="PlatformTransientException">Network failure, 5xx, throttling or a frequency limit: worth retrying.</exception>
    /// <exception cref="PlatformRequestException">The platform refused the request.</exception>
    Task<long> SetStockAsync(string shopId, PlatformSku sku, long quantity, CancellationToken cancellationToken);
}
