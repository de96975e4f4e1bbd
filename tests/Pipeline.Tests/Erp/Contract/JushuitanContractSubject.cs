using ServerlessSync.Pipeline.Tests.Erp.Jushuitan;

namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

internal sealed class JushuitanContractSubject(JushuitanConnectorHarness h)
    : ErpContractSubject<JushuitanSimulatorState, JushuitanSimulatorOptions>(h)
{
    public override IReadOnlyList<string> Duplicates => Sim.Duplicates;

    public override long CreateCalls => Calls("orders/upload");

    public override long LookupCalls => Calls("orders/single/query");

    public override long StockCalls => Calls("inventory/query");

    public override string WrongSecretMessage => "签名错误";

    public override string RefusalCode => "";

    public override string ThrottleCode => "199";

    /// <summary>inventory/query's documented page size.</summary>
    public override int StockMaterialsPerCall => 50;

    public static async Task<ErpContractSubject> StartAsync(Action<Dictionary<string, string?>> settings) =>
        new JushuitanContractSubject(await JushuitanConnectorHarness.StartAsync(settings: settings));

    public override IReadOnlyList<string> DocumentsFor(string externalOrderNo) =>
        Sim.Orders.Where(o => o.SoId == externalOrderNo).Select(o => o.OId.ToString(CultureInfo.InvariantCulture)).ToList();

    public override string OpenState => "WAIT_SELLER_SEND_GOODS";

    /// <summary>Jushuitan keeps a reversed order, re-uploaded as TRADE_CLOSED.</summary>
    public override string StateOf(string number) => Sim.Orders.Single(o => o.OId.ToString(CultureInfo.InvariantCulture) == number).ShopStatus;

    public override bool IsComplete(string number) => Sim.Orders.Any(o => o.OId.ToString(CultureInfo.InvariantCulture) == number);

    public override bool IsReversed(string number) =>
        Sim.Orders.Any(o => o.OId.ToString(CultureInfo.InvariantCulture) == number && o.ShopStatus == "TRADE_CLOSED");
}
