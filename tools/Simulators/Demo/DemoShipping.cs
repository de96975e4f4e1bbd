using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessSync.Simulators.Demo;

/// <summary>
/// <c>--ship</c>: once the burst settled, the ERP simulator's warehouse ships every order it holds (one outbound document
/// with a waybill each); then the platform simulators are polled until every synced order shipped carries its waybill, or
/// <see cref="Wait"/> is over (the hub sends shipments on its own timer). Every ERP simulator in
/// <see cref="DemoPlatforms.ShippingErps"/> ships through the same <c>/{erp}/_sim/ship</c> and <c>/{erp}/_sim/shipments</c>.
/// </summary>
public sealed class DemoShipping(DemoArguments args, HttpClient http, TextWriter progress)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(180);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Ships everything and returns, per synced platform order the ERP shipped, its waybill.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ShipAllAsync(IReadOnlyDictionary<string, string> erpNumbers, CancellationToken cancellationToken)
    {
        if (!DemoPlatforms.ShippingErps.Contains(args.Erp))
        {
            throw new ArgumentException($"--ship needs an ERP whose simulator ships orders: {string.Join(", ", DemoPlatforms.ShippingErps)}");
        }

        var warehouse = $"{args.SimulatorUrl}/{args.Erp}/_sim/";
        using var shipped = await http.PostAsJsonAsync(warehouse + "ship", new { all = true }, cancellationToken);
        shipped.EnsureSuccessStatusCode();
        var listed = await http.GetFromJsonAsync<JsonElement>(warehouse + "shipments", Json, cancellationToken);
        var waybillBySalesOrder = listed.GetProperty("shipments").EnumerateArray()
            .GroupBy(s => s.GetProperty("saleOrderBillNo").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("carriageNo").GetString()!);
        var waybills = erpNumbers
            .Where(p => waybillBySalesOrder.ContainsKey(p.Value))
            .ToDictionary(p => p.Key, p => waybillBySalesOrder[p.Value]);
        await progress.WriteLineAsync($"shipments: the ERP shipped {waybills.Count}/{erpNumbers.Count} synced orders");
        return waybills;
    }

    /// <summary>Platform orders (by id) carrying the waybill the ERP shipped them with.</summary>
    public async Task<int> CountOnPlatformAsync(IReadOnlyList<string> platforms, IReadOnlyDictionary<string, string> waybills, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var onPlatform = 0;
            foreach (var platform in platforms)
            {
                var listed = await http.GetFromJsonAsync<JsonElement>($"{args.SimulatorUrl}/{platform}/_sim/orders", Json, cancellationToken);
                onPlatform += listed.GetProperty("orders").EnumerateArray().Count(o =>
                    (o.TryGetProperty("orderId", out var id) ? id : o.GetProperty("tid")).GetString() is { } orderId &&
                    waybills.TryGetValue(orderId, out var waybill) &&
                    o.GetProperty("trackingNumbers").EnumerateArray().Any(t => t.GetString() == waybill));
            }

            await progress.WriteLineAsync($"shipments: {onPlatform}/{waybills.Count} shipped orders carry carrier and waybill on the platform");
            if (onPlatform >= waybills.Count || DateTime.UtcNow > deadline)
            {
                return onPlatform;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }
}
