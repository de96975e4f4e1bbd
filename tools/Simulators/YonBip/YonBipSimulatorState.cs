using ServerlessSync.Simulators.Core;
using ServerlessSync.Simulators.Shipping;

namespace ServerlessSync.Simulators.YonBip;

/// <summary>
/// The simulator's singleton: options, data, tokens and metrics. Tests use it in-process to inspect orders, set
/// stock, drop tokens or reset, while the HTTP endpoints serve the YonBIP open-API protocol over it.
/// </summary>
public sealed class YonBipSimulatorState(YonBipSimulatorOptions options, TimeProvider? time = null)
    : SimErpState<YonBipSimulatorOptions>(options, time, new SimWarehouse(n => "XSCK" + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))
{
    public YonBipSimStore Store { get; } = new(options);

    public YonBipSimTokens Tokens { get; } = new();

    /// <summary>Only audited (verifystate 2) sales orders ship; the ERP number is the order code.</summary>
    public override IEnumerable<SimShippableOrder> ShippableOrders() => Store.Orders().Select(o => new SimShippableOrder(
        o.Code, o.ExternalOrderNo, o.VerifyState == 2 ? null : $"销售订单 {o.Code} 未审核，不能出库",
        o.Lines.Select(l => new SimShipLine(l.ProductCode, l.Qty)).ToList(), o.SavedAt));

    internal YonBipSimMinuteLimiter PerMinute { get; } = new();

    public IReadOnlyList<YonBipSimOrder> Orders => Store.Orders();

    /// <summary>Orders removed by delete (e.g. reversed after a cancellation); they are no longer in <see cref="Orders"/>.</summary>
    public IReadOnlyList<YonBipSimOrder> DeletedOrders => Store.Deleted().Select(d => d.Order).ToList();

    public IReadOnlyList<string> Duplicates => Store.DuplicateExternalOrderNos();

    public IReadOnlyList<YonBipSimOrder> FindByExternalOrderNo(string externalOrderNo) =>
        Store.Orders().Where(o => o.ExternalOrderNo == externalOrderNo).ToList();

    public void DropTokens() => Tokens.DropAll();

    protected override void ResetData()
    {
        Store.Reset(Options);
        Tokens.DropAll();
        PerMinute.Reset();
    }
}
