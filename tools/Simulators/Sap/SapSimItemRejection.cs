using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using static ServerlessSync.Simulators.Sap.SapSimAnswers;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// Reading an order's items (<c>A_SalesOrder('…')/to_Item</c>) and rejecting an item with PATCH/MERGE on
/// <c>A_SalesOrderItem(SalesOrder='…',SalesOrderItem='…')</c>. Only <c>SalesDocumentRjcnReason</c> is updatable here;
/// a successful update answers 204 No Content, as SAP Gateway does.
/// </summary>
public static partial class SapSimItemRejection
{
    /// <summary>The sales order number when <paramref name="resource"/> is <c>A_SalesOrder('…')/to_Item</c>, else null.</summary>
    public static string? ItemsOf(string resource)
    {
        var match = ItemsPattern().Match(resource);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static Task WriteItemsAsync(HttpContext context, SapSimulatorState state, string salesOrder, string serviceRoot)
    {
        ArgumentNullException.ThrowIfNull(state);
        var order = state.Orders.FirstOrDefault(o => o.SalesOrder == salesOrder);
        return order is null
            ? SapSimEndpoints.WriteErrorAsync(context, 404, ResourceNotFound, $"Resource not found for segment 'A_SalesOrderType' (SalesOrder='{salesOrder}')")
            : SapSimEndpoints.WriteJsonAsync(context, 200, new JsonObject { ["d"] = SapSimCreate.ItemsJson(order, serviceRoot) });
    }

    public static Task UpdateAsync(HttpContext context, SapSimulatorState state, string service, string resource, JsonNode? body)
    {
        ArgumentNullException.ThrowIfNull(state);
        var match = ItemPattern().Match(resource);
        if (service != SapSimEndpoints.SalesOrderService || !match.Success)
        {
            return SapSimEndpoints.WriteErrorAsync(context, 405, ResourceNotFound, $"The request method {context.Request.Method} is not allowed for '{resource}'");
        }

        if (body is not JsonObject changes)
        {
            return SapSimEndpoints.WriteErrorAsync(context, 400, MalformedBody, "Malformed URI literal syntax / request body is not JSON");
        }

        var other = changes.Select(p => p.Key).FirstOrDefault(k => k is not ("SalesDocumentRjcnReason" or "__metadata"));
        if (other is not null)
        {
            return SapSimEndpoints.WriteErrorAsync(context, 400, InvalidProperty, $"Property '{other}' is not updatable in the simulator", other);
        }

        var reason = changes["SalesDocumentRjcnReason"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? changes["SalesDocumentRjcnReason"]!.GetValue<string>()
            : null;
        if (reason is null || reason.Length > 2)
        {
            return SapSimEndpoints.WriteErrorAsync(context, 400, InvalidValue, "SalesDocumentRjcnReason must be a reason code of at most 2 characters", "SalesDocumentRjcnReason");
        }

        if (state.Store.RejectItem(match.Groups[1].Value, match.Groups[2].Value, reason) == SapSimStore.RejectResult.NotFound)
        {
            return SapSimEndpoints.WriteErrorAsync(context, 404, ResourceNotFound, $"Resource not found for segment 'A_SalesOrderItemType' ({resource})");
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        context.Response.Headers["DataServiceVersion"] = "1.0";
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^A_SalesOrder\('(\d{1,10})'\)/to_Item$")]
    private static partial Regex ItemsPattern();

    [GeneratedRegex(@"^A_SalesOrderItem\(SalesOrder='(\d{1,10})',SalesOrderItem='(\d{1,6})'\)$")]
    private static partial Regex ItemPattern();
}
