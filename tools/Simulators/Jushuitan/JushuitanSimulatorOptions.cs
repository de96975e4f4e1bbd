using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// Knobs of the Jushuitan open-API simulator, bound from <c>Simulators:Jushuitan</c> (the shared ones on
/// <see cref="SimErpOptions"/>). Over the rate a call answers code 199, over the concurrency cap code 200; a business
/// reject refuses one valid upload element (issuccess false); a commit-then-timeout is rolled on an orders/upload that
/// stored something. Materials are SKUs (ERP sku_id = material number) and their stock is <c>qty</c>; shipping makes
/// 销售出库单 of paid orders, the carrier being <c>lc_id</c>.
/// </summary>
public sealed class JushuitanSimulatorOptions : SimErpOptions
{
    public string AppKey { get; set; } = "sim-jst-app-key";

    public string AppSecret { get; set; } = "sim-jst-app-secret";

    /// <summary>The company's access_token (what getInitToken hands out).</summary>
    public string AccessToken { get; set; } = "sim-jst-access-token";

    /// <summary>Lifetime of the access token from simulator start-up, reset or getInitToken (the real one: 30 days).</summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 2_592_000;

    /// <summary>The one shop (shop_id) orders may be uploaded to.</summary>
    public string ShopId { get; set; } = "10001";

    /// <summary>How far <c>timestamp</c> may be from the simulator's clock (the real one: 10 minutes).</summary>
    public int TimestampToleranceSeconds { get; set; } = 600;
}
