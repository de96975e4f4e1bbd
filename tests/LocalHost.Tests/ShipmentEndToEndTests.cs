namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// A whole hub on Azurite: orders pushed by the Douyin simulator are synced into the Kingdee simulator, whose warehouse
/// ships each one a second later (销售出库单 with carrier SF); the hub's shipment timer reads SAL_OUTSTOCK, maps SF through
/// the seeded profile to 抖店's <c>shunfeng</c> and ships the platform orders through order.logisticsAdd.
/// </summary>
public sealed class ShipmentEndToEndTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Orders_the_erp_ships_reach_the_platform_once_and_the_order_view_shows_carrier_and_waybill()
    {
        await using var hub = await TestHub.StartAsync(
            simulators: o => o.Kingdee.AutoShipAfterSeconds = 1,
            settings: new Dictionary<string, string?> { ["Shipments:IntervalSeconds"] = "1" });

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 5, RatePerSecond = 50, Seed = 23 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, Settle, SyncStatus.Synced);
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));

        await Poll.UntilAsync(() => burst.OrderIds.All(id => hub.DouyinOrders.Find(id)!.Parcels.Count > 0), TimeSpan.FromSeconds(60));

        var waybills = hub.Kingdee.OutStocks.All().ToDictionary(b => b.OrderNumber, b => b.Waybill);
        foreach (var id in burst.OrderIds)
        {
            var parcel = Assert.Single(hub.DouyinOrders.Find(id)!.Parcels);
            Assert.Equal(("shunfeng", waybills[ledger[id]!.ErpOrderNumber!]), (parcel.CompanyCode, parcel.TrackingNo));
            Assert.Equal(DouyinSimStatus.Shipped, hub.DouyinOrders.Find(id)!.OrderStatus);
        }

        var first = burst.OrderIds[0];
        var shipment = await WaitForShipmentOnPlatformAsync(hub, first);
        Assert.Equal("SF", shipment.GetProperty("carrier").GetString());
        Assert.Equal("shunfeng", shipment.GetProperty("platformCarrier").GetString());
        Assert.Equal(waybills[ledger[first]!.ErpOrderNumber!], shipment.GetProperty("trackingNumber").GetString());
    }

    /// <summary>The order view's shipment, once the ledger says the platform has it (recorded just after the platform call).</summary>
    private static async Task<JsonElement> WaitForShipmentOnPlatformAsync(TestHub hub, string orderId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var view = await hub.GetOrderStatusAsync(PlatformNames.Douyin, DemoCatalog.ShopId, orderId);
            var shipments = view?.GetProperty("shipments");
            if (shipments is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() == 1 && list[0].GetProperty("state").GetString() == "OnPlatform")
            {
                return list[0];
            }

            Assert.True(DateTime.UtcNow < deadline, $"order {orderId} shows no shipment on the platform: {view}");
            await Task.Delay(250);
        }
    }
}
