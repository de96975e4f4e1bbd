using ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class JushuitanContractSubject(JushuitanConnectorHarness h) : ErpContractSubject
{
    public override IErpConnector Connector => h.Connector;

    public override IReadOnlyList<string> Duplicates => h.Sim.Duplicates;

    public override long CreateCalls => h.Calls("orders/upload");

    public override long LookupCalls => h.Calls("orders/single/query");

    public override long StockCalls => h.Calls("inventory/query");

    public override long Throttled => h.Sim.Metrics.Snapshot().Throttled;

    public override long TransientFailures => h.Sim.Metrics.Snapshot().TransientFailures;

    public override string WrongSecretMessage => "签名错误";

    public override string RefusalCode => "";

    public override string ThrottleCode => "199";

    /// <summary>inventory/query's documented page size.</summary>
    public override int StockMaterialsPerCall => 50;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new JushuitanContractSubject(await JushuitanConnectorHarness.StartAsync(settings: settings));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        h.Sim.Orders.Where(o => o.SoId == externalOrderNo).Select(o => o.OId.ToString(CultureInfo.InvariantCulture)).ToList();

    /// <summary>Jushuitan keeps a reversed order, re-uploaded as TRADE_CLOSED.</summary>
    public override string StateOf(string number) => h.Sim.Orders.Single(o => o.OId.ToString(CultureInfo.InvariantCulture) == number).ShopStatus;

    public override bool IsComplete(string number) => h.Sim.Orders.Any(o => o.OId.ToString(CultureInfo.InvariantCulture) == number);

    public override bool IsReversed(string number) =>
        h.Sim.Orders.Any(o => o.OId.ToString(CultureInfo.InvariantCulture) == number && o.ShopStatus == "TRADE_CLOSED");

    public override void FailEveryCall(bool on) => h.Sim.Options.TransientFailureRate = on ? 1 : 0;

    public override void LoseAnswersAfterCommit(bool on) => h.Sim.Options.CommitThenTimeoutRate = on ? 1 : 0;

    public override void IgnoreLookupFilter() => h.Sim.Options.OrderLookupIgnoresFilter = true;

    public override void AllowCallsPerSecond(double rate) => h.Sim.Options.MaxCallsPerSecond = rate;

    public override ValueTask DisposeAsync() => h.DisposeAsync();
}
