using System.Collections;
using System.Reflection;
using Azure.Data.Tables;
using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Sync;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>
/// Activity inputs and outputs are stored in the task hub's history (Azure keeps it): no buyer open id or receiver
/// field may travel between activities.
/// </summary>
public sealed class BuyerDataOutOfHistoryTests
{
    private static readonly string[] BuyerMembers = ["BuyerOpenId", "Receiver", "OpenId"];

    [Fact]
    public void No_activity_or_orchestration_input_or_output_type_carries_buyer_data()
    {
        var contracts = SyncTasks.All.SelectMany(t => new[] { t.InputType, t.OutputType }).ToList();
        Assert.NotEmpty(contracts);

        var reached = new HashSet<Type>();
        foreach (var type in contracts)
        {
            Walk(type, reached);
        }

        Assert.DoesNotContain(typeof(Order), reached);
        Assert.DoesNotContain(typeof(MaskedReceiver), reached);
        var buyerProperties = reached
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => BuyerMembers.Any(m => p.Name.Contains(m, StringComparison.OrdinalIgnoreCase)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.Empty(buyerProperties);
    }

    [Fact]
    public async Task A_synced_order_leaves_no_receiver_field_or_open_id_in_the_task_hub_history()
    {
        await using var hub = await TestHub.StartAsync(settings: new Dictionary<string, string?>
        {
            ["DurableTask:PurgeCompletedAfterSeconds"] = "3600",
        });
        var burst = await hub.PlayDouyinBurstAsync(new DouyinBurstPlan { Orders = 2, RatePerSecond = 50, Seed = 11 });
        var ledger = await hub.WaitForLedgerAsync(DemoCatalog.ShopId, burst.OrderIds, TimeSpan.FromMinutes(3), SyncStatus.Synced);
        Assert.All(ledger.Values, e => Assert.Equal(SyncStatus.Synced, e!.Status));

        var history = new TableClient(Azurite.ConnectionString, "hub" + hub.Prefix + "History");
        var values = new List<string>();
        await foreach (var row in history.QueryAsync<TableEntity>())
        {
            values.AddRange(row.Select(p => p.Value).OfType<string>());
        }

        var all = string.Join("\n", values);
        Assert.All(burst.OrderIds, id => Assert.Contains(id, all, StringComparison.Ordinal));
        // The burst's orders go through batch runs (DESIGN D7): the batch's first step read them from the platform.
        Assert.Contains(SyncTasks.PrepareBatch.Name, all, StringComparison.Ordinal);
        foreach (var id in burst.OrderIds)
        {
            var order = hub.DouyinOrders.Find(id)!;
            string[] buyerValues = [order.DoudianOpenId, order.Receiver.MaskName, order.Receiver.MaskTel, order.Receiver.MaskDetail, order.Receiver.EncryptName, order.Receiver.EncryptTel, order.Receiver.EncryptDetail];
            Assert.All(buyerValues.Where(v => v.Length > 0), v => Assert.DoesNotContain(v, all, StringComparison.Ordinal));
        }
    }

    private static void Walk(Type type, HashSet<Type> reached)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType && !type.IsArray)
        {
            return;
        }

        if (!reached.Add(type))
        {
            return;
        }

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, reached);
        }

        foreach (var argument in type.GetGenericArguments())
        {
            Walk(argument, reached);
        }

        if (typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.PropertyType, reached);
        }
    }
}
