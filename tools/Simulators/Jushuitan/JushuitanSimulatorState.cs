using ServerlessSync.Simulators.Core;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.Jushuitan;

/// <summary>
/// The simulator's singleton: options, data, token clock and metrics. Tests use it in-process to inspect orders,
/// set stock or reset, while the HTTP endpoints serve the Jushuitan open-API protocol over it.
/// </summary>
public sealed class JushuitanSimulatorState : SimErpState<JushuitanSimulatorOptions>
{
    private long _tokenIssuedAtTicks;

    public JushuitanSimulatorState(JushuitanSimulatorOptions options, TimeProvider? time = null)
        : base(options, time, new SimWarehouse(n => (20_000_000 + n).ToString(System.Globalization.CultureInfo.InvariantCulture)))
    {
        Store = new JushuitanSimStore(options);
        MaterialsModifiedAt = Time.GetUtcNow();
        RenewToken();
    }

    public JushuitanSimStore Store { get; }

    /// <summary>The <c>modified</c> time of every material sku/query lists: when the simulator started.</summary>
    public DateTimeOffset MaterialsModifiedAt { get; }

    /// <summary>Paid orders (WaitConfirm) the shop has not closed ship; the ERP number is the o_id.</summary>
    public override IEnumerable<SimShippableOrder> ShippableOrders() => Store.Orders().Select(o => new SimShippableOrder(
        o.OId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        o.SoId,
        o.Status != "WaitConfirm" ? $"订单 {o.OId} 状态 {o.Status}，不能出库" : o.ShopStatus.StartsWith("TRADE_CLOSED", StringComparison.Ordinal) ? $"订单 {o.OId} 已关闭，不能出库" : null,
        o.Items.Select(i => new SimShipLine(i.SkuId, i.Qty)).ToList(),
        o.Modified));

    public IReadOnlyList<JushuitanSimOrder> Orders => Store.Orders();

    public IReadOnlyList<string> Duplicates => Store.DuplicateSoIds();

    public bool IsTokenValid(string? token) =>
        token == Options.AccessToken
        && Time.GetUtcNow().UtcTicks - Interlocked.Read(ref _tokenIssuedAtTicks) < TimeSpan.FromSeconds(Options.AccessTokenLifetimeSeconds).Ticks;

    /// <summary>The access token counts as issued now (getInitToken, reset).</summary>
    public void RenewToken() => Interlocked.Exchange(ref _tokenIssuedAtTicks, Time.GetUtcNow().UtcTicks);

    protected override void ResetData()
    {
        Store.Reset(Options);
        RenewToken();
    }
}
