using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.Sap.SapSimAnswers;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// The deep insert <c>POST A_SalesOrder</c>: 201 Created with the new order (SalesOrder filled) and a Location header, or
/// 400 with an OData error. SAP does not check PurchaseOrderByCustomer for duplicates here, so neither does the simulator.
/// </summary>
public static class SapSimCreate
{
    public static async Task HandleAsync(HttpContext context, SapSimulatorState state, JsonNode? body, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var (draft, failure) = SapSimSalesOrderReader.Read(body, state);
        if (failure is not null)
        {
            await SapSimEndpoints.WriteErrorAsync(context, failure.Status, failure.Code, failure.Message, failure.Target);
            return;
        }

        if (state.Roll(state.Options.BusinessRejectRate))
        {
            state.Metrics.Count(SimCounter.BusinessRejects);
            await SapSimEndpoints.WriteErrorAsync(context, 400, CreditLimitExceeded,
                $"Credit limit exceeded for customer {draft!.SoldToParty} (simulated business rejection)", "SoldToParty");
            return;
        }

        var order = state.Store.Add(draft!);
        if (state.Roll(state.Options.CommitThenTimeoutRate))
        {
            // The order is committed, but the client never learns it: hold the answer past its timeout, then drop the connection.
            state.Metrics.Count(SimCounter.CommitThenTimeouts);
            try
            {
                await Task.Delay(Math.Max(0, state.Options.CommitThenTimeoutHoldMs), context.RequestAborted);
            }
            finally
            {
                context.Abort();
            }

            return;
        }

        var uri = $"{serviceRoot}A_SalesOrder('{order.SalesOrder}')";
        context.Response.Headers.Location = uri;
        await SapSimEndpoints.WriteJsonAsync(context, 201, Entity(OrderJson(order, serviceRoot)));
    }

    public static JsonObject OrderJson(SapSimSalesOrder order, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(order);
        var uri = $"{serviceRoot}A_SalesOrder('{order.SalesOrder}')";
        var json = new JsonObject
        {
            ["__metadata"] = Metadata(uri, "API_SALES_ORDER_SRV.A_SalesOrderType", Etag(order.CreatedAt)),
        };
        foreach (var (name, value) in order.Properties())
        {
            json[name] = value;
        }

        json["to_Item"] = ItemsJson(order, serviceRoot);
        return json;
    }

    /// <summary>V2 writes an expanded to-many navigation as <c>{"results":[...]}</c>.</summary>
    public static JsonObject ItemsJson(SapSimSalesOrder order, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(order);
        var items = order.Items.Select(item =>
        {
            var json = new JsonObject
            {
                ["__metadata"] = Metadata(
                    $"{serviceRoot}A_SalesOrderItem(SalesOrder='{order.SalesOrder}',SalesOrderItem='{item.SalesOrderItem}')", "API_SALES_ORDER_SRV.A_SalesOrderItemType"),
                ["SalesOrder"] = order.SalesOrder,
            };
            foreach (var (name, value) in item.Properties())
            {
                json[name] = value;
            }

            json["TransactionCurrency"] = order.TransactionCurrency;
            return (JsonNode?)json;
        });
        return new JsonObject { ["results"] = new JsonArray(items.ToArray()) };
    }

    private static string Etag(DateTimeOffset changed) =>
        $"W/\"datetimeoffset'{Uri.EscapeDataString(changed.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture))}Z'\"";
}
