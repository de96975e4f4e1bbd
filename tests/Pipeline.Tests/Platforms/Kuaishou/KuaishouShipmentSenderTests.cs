namespace ServerlessSync.Pipeline.Tests.Platforms.Kuaishou;

/// <summary>open.seller.order.goods.deliver and open.order.goods.split.deliver against the simulator: signature, numeric codes, already shipped, partial.</summary>
public sealed class KuaishouShipmentSenderTests(KuaishouSimulatorHostFixture sim) : IClassFixture<KuaishouSimulatorHostFixture>, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => http.Dispose();

    private KuaishouShipmentSender Sender(string? signSecret = null) => new(http, sim.ClientOptions(signSecret));

    private static OrderKey Key(KuaishouSimOrder order) => new(PlatformNames.Kuaishou, order.SellerId, order.Oid);

    private static PlatformShipment Whole(KuaishouSimOrder order, string code = "4", string waybill = "SF300000000001") => new(Key(order), code, waybill, null, "r");

    [Fact]
    public async Task A_whole_order_ships_and_order_detail_reads_the_waybill_back()
    {
        var stored = sim.Store.CreateOrders(1).Single();

        await Sender().SendAsync(Whole(stored), CancellationToken.None);

        var held = sim.Store.Find(stored.Oid)!;
        Assert.Equal(KuaishouSimStatus.Shipped, held.Status);
        Assert.Equal((4L, "SF300000000001"), (held.Parcels.Single().ExpressCode, held.Parcels.Single().ExpressNo));
        var order = await new KuaishouOrderClient(http, sim.ClientOptions()).GetOrderAsync(Key(stored), CancellationToken.None);
        Assert.Equal(["SF300000000001"], order.TrackingNumbers);
    }

    [Fact]
    public async Task Shipping_again_an_unknown_or_non_numeric_code_and_a_wrong_signature_are_refused()
    {
        var shipped = sim.Store.CreateOrders(1).Single();
        var other = sim.Store.CreateOrders(1).Single();
        await Sender().SendAsync(Whole(shipped), CancellationToken.None);

        var again = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(shipped, waybill: "SF300000000002"), CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(other, code: "999"), CancellationToken.None));
        var named = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender().SendAsync(Whole(other, code: "shunfeng"), CancellationToken.None));
        var badSign = await Assert.ThrowsAsync<PlatformRequestException>(() => Sender(signSecret: "wrong").SendAsync(Whole(other), CancellationToken.None));

        Assert.Contains("sub_code DELIVER_FAILED", again.Message, StringComparison.Ordinal);
        Assert.Single(sim.Store.Find(shipped.Oid)!.Parcels);
        Assert.Contains("sub_code PARAM_INVALID", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("not a number", named.Message, StringComparison.Ordinal);
        Assert.Contains("SIGN_INVALID", badSign.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Store.Find(other.Oid)!.Parcels);
    }

    [Fact]
    public async Task Part_of_an_order_ships_with_split_deliver_and_never_more_than_is_left()
    {
        var stored = sim.Store.CreateOrders(1).Single();
        var order = stored with { Item = stored.Item with { Num = 3 } };
        sim.Store.Put(order);
        var line = new OrderLine { LineId = order.Oid, SkuId = order.Item.SkuId, Quantity = 3, PaidAmountFen = 0 };

        await Sender().SendAsync(new PlatformShipment(Key(order), "9", "ZT300000000001", [new ShippedLine(line, 2)], "r"), CancellationToken.None);
        var tooMany = await Assert.ThrowsAsync<PlatformRequestException>(() =>
            Sender().SendAsync(new PlatformShipment(Key(order), "9", "ZT300000000002", [new ShippedLine(line, 2)], "r"), CancellationToken.None));

        var held = sim.Store.Find(order.Oid)!;
        Assert.Equal(KuaishouSimStatus.Paid, held.Status);
        Assert.Equal([new KuaishouSimParcelItem(order.Oid, 2)], held.Parcels.Single().Items);
        Assert.Contains("sub_code DELIVER_FAILED", tooMany.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_profile_maps_its_carriers_to_codes_of_the_documented_express_table()
    {
        var seed = ProfileStore.Parse(await File.ReadAllTextAsync(Path.Combine(Azurite.RepositoryRoot(), "config", "profiles", "kuaishou-5000100.json")));

        var named = seed.Carriers.ToDictionary(c => c.Key, c => KuaishouDeliveryEndpoints.ExpressCodes[long.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.Equal("顺丰速运", named["SF"]);
        Assert.Equal("中通快递", named["ZTO"]);
    }
}
