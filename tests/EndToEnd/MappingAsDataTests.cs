using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ServerlessSync.EndToEnd;

/// <summary>
/// Combos, gifts and an unmapped SKU end to end: the unmapped orders wait in quarantine, the mapping is fixed
/// through the API, they are released, and every order is in the ERP exactly once with the right lines.
/// </summary>
public sealed class MappingAsDataTests
{
    private const string ComboSku = "SKU-SERUM-30";
    private const string UnmappedSku = "SKU-CREAM-50";

    [Fact]
    public async Task Orders_with_combos_gifts_and_an_unmapped_sku_all_reach_the_erp_once_with_the_right_lines_after_a_fix_and_release()
    {
        await using var hub = await TestHub.StartAsync();
        var url = TestHub.DemoProfileUrl;
        var profile = JsonNode.Parse(await hub.Http.GetStringAsync(url))!.AsObject();
        var skus = profile["skus"]!.AsObject();
        var unmappedEntry = skus[UnmappedSku]!.DeepClone();
        skus.Remove(UnmappedSku);
        skus.Remove(ComboSku);
        // 精华礼盒: the serum is sold as a combo of one serum and one mask pack, split by list price.
        profile["combos"] = JsonNode.Parse($$"""
            { "{{ComboSku}}": { "components": [
                { "materialNumber": "MAT-SERUM-30", "unitNumber": "Pcs", "quantity": 1, "listPriceFen": 39900 },
                { "materialNumber": "MAT-MASK-10", "unitNumber": "Pcs", "quantity": 1, "listPriceFen": 6900 } ] } }
            """);
        await PutAsync(hub, url, profile);

        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 30, RatePerSecond = 30, Seed = 2026 });
        var orders = burst.OrderIds.Select(id => hub.DouyinOrders.Find(id)!).ToList();
        var waiting = orders.Where(o => o.Lines.Any(l => l.Code == UnmappedSku)).Select(o => o.OrderId).ToList();
        Assert.NotEmpty(waiting);
        Assert.Contains(orders, o => o.Lines.Any(l => l.Code == ComboSku));
        Assert.Contains(orders, o => o.Lines.Any(l => l.GivenProductType == "FREE"));

        var first = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(3), SyncStatus.Synced, SyncStatus.Quarantined);
        Assert.All(waiting, id => Assert.Equal(SyncStatus.Quarantined, first[id]!.Status));
        Assert.All(waiting, id => Assert.Empty(hub.Kingdee.FindByNetOrderBillNo(id)));

        skus[UnmappedSku] = unmappedEntry;
        await PutAsync(hub, url, profile);
        using (var release = await hub.Http.PostAsJsonAsync("/api/quarantine/release", new { sku = UnmappedSku }))
        {
            Assert.Equal(HttpStatusCode.Accepted, release.StatusCode);
        }

        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(3), SyncStatus.Synced);
        Assert.All(burst.OrderIds, id => Assert.Equal(SyncStatus.Synced, ledger[id]!.Status));
        Assert.Empty(hub.Kingdee.Duplicates);
        foreach (var order in orders)
        {
            var bill = Assert.Single(hub.Kingdee.FindByNetOrderBillNo(order.OrderId));
            Assert.Equal(order.PayAmount / 100m, bill.TotalAmount);
            var expected = order.Lines.SelectMany(ExpectedLines).Concat(order.PostAmount > 0 ? [(Material: "MAT-FREIGHT", Quantity: 1, Gift: false)] : []).OrderBy(l => l.Material).ThenBy(l => l.Quantity).ThenBy(l => l.Gift).ToList();
            var actual = bill.Lines.Select(l => (Material: l.MaterialNumber, Quantity: (int)l.Quantity, Gift: l.IsFree)).OrderBy(l => l.Material).ThenBy(l => l.Quantity).ThenBy(l => l.Gift).ToList();
            Assert.Equal(expected.Select(e => (e.Material, e.Quantity, e.Gift)), actual);
            Assert.All(bill.Lines.Where(l => l.IsFree), l => Assert.Equal(0m, l.AllAmount));
        }
    }

    private static IEnumerable<(string Material, int Quantity, bool Gift)> ExpectedLines(DouyinSimLine line)
    {
        var gift = line.GivenProductType == "FREE" || line.PayAmount == 0;
        if (line.Code == ComboSku)
        {
            yield return ("MAT-SERUM-30", line.ItemNum, gift);
            yield return ("MAT-MASK-10", line.ItemNum, gift);
            yield break;
        }

        yield return (DemoCatalog.Products.Single(p => p.MerchantCode == line.Code).MaterialNumber, line.ItemNum, gift);
    }

    private static async Task PutAsync(TestHub hub, string url, JsonObject profile)
    {
        using var put = await hub.Http.PutAsync(url, new StringContent(profile.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }
}
