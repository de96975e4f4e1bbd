using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators.Core;
using static ServerlessSync.Simulators.Sap.SapSimAnswers;

namespace ServerlessSync.Simulators.Sap;

/// <summary>
/// SAP Gateway OData V2 under <c>/sap/sap/opu/odata/sap/{SERVICE}/...</c> (the simulator's <c>/sap</c> prefix, then SAP's own
/// path): API_SALES_ORDER_SRV (service document, $metadata, A_SalesOrder query and deep-insert create) and
/// API_MATERIAL_STOCK_SRV (A_MatlStkInAcctMod), API_OUTBOUND_DELIVERY_SRV (A_OutbDeliveryHeader with its items and partners). Every call needs Basic auth or a live session cookie; every POST needs the
/// CSRF token and the cookies of its session. Over MaxCallsPerSecond answers 429, over MaxConcurrency 503.
/// </summary>
public static class SapSimEndpoints
{
    public const string Prefix = "/sap";
    public const string ODataBase = Prefix + "/sap/opu/odata/sap/";
    public const string SalesOrderService = "API_SALES_ORDER_SRV";
    public const string StockService = "API_MATERIAL_STOCK_SRV";
    public const string ProductService = "API_PRODUCT_SRV";
    public const string DeliveryService = "API_OUTBOUND_DELIVERY_SRV";

    private static readonly SimErpRefusals Refusals = new(
        c => RefuseAsync(c, StatusCodes.Status503ServiceUnavailable, "Service Unavailable: no free work process (simulated)"),
        c => RefuseAsync(c, StatusCodes.Status429TooManyRequests, "Too Many Requests (simulated rate limit)"),
        c => WriteErrorAsync(c, 500, SystemFailure, "SAP system failure: the backend did not answer in time (simulated)"),
        SimCounter.Overloaded);

    public static WebApplication MapSapProtocol(this WebApplication app)
    {
        app.MapMethods(ODataBase + "{service}", ["GET", "POST"], HandleAsync);
        app.MapMethods(ODataBase + "{service}/{**resource}", ["GET", "POST", "PATCH", "MERGE"], HandleAsync);
        return app;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var state = context.RequestServices.GetRequiredService<SapSimulatorState>();
        var options = state.Options;
        var service = (context.Request.RouteValues["service"] as string ?? "").ToUpperInvariant();
        var resource = context.Request.RouteValues["resource"] as string ?? "";
        var isPost = HttpMethods.IsPost(context.Request.Method);
        var isUpdate = HttpMethods.IsPatch(context.Request.Method) || context.Request.Method == "MERGE";
        await SimErpCalls.RunAsync(context, state, $"{context.Request.Method} {OperationName(resource)}", Refusals, async () =>
        {
            var session = SapSimCsrf.SessionOf(context, state);
            if (session is null && !SapSimAuth.HasValidBasic(context.Request, options))
            {
                state.Metrics.Count(SimCounter.AuthFailures);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = $"Basic realm=\"SAP NetWeaver Application Server [{options.SystemId}/{options.Client}]\"";
                await context.Response.WriteAsync("Logon failed", context.RequestAborted);
                return;
            }

            if (service is not (SalesOrderService or StockService or ProductService or DeliveryService))
            {
                await WriteErrorAsync(context, 404, ResourceNotFound, $"No service found for namespace '/SAP/', name '{service}', version '0001'");
                return;
            }

            if (isUpdate)
            {
                await UpdateAsync(context, state, session, service, resource);
            }
            else if (isPost)
            {
                await PostAsync(context, state, session, service, resource);
            }
            else
            {
                await GetAsync(context, state, session, service, resource);
            }
        });
    }

    /// <summary>Over the concurrency cap no dialog work process is free (503); over the rate the gateway answers 429.</summary>
    private static Task RefuseAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = "1";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static async Task GetAsync(HttpContext context, SapSimulatorState state, SapSimSessions.Session? session, string service, string resource)
    {
        if (SapSimCsrf.WantsToken(context.Request))
        {
            SapSimCsrf.Issue(context, state, session);
        }

        var serviceRoot = ServiceRoot(context.Request, service);
        switch (resource.TrimEnd('/'))
        {
            case "":
                await WriteJsonAsync(context, 200, ServiceDocument(service switch
                {
                    SalesOrderService => ["A_SalesOrder", "A_SalesOrderItem", "A_SalesOrderItemPrElement"],
                    ProductService => ["A_Product", "A_ProductDescription"],
                    DeliveryService => ["A_OutbDeliveryHeader", "A_OutbDeliveryItem", "A_OutbDeliveryPartner"],
                    _ => ["A_MaterialStock", "A_MatlStkInAcctMod"],
                }));
                return;
            case "$metadata":
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync(SapSimReads.MetadataXml(service), context.RequestAborted);
                return;
            case "A_SalesOrder" when service == SalesOrderService:
                await WriteQueryAsync(context, SapSimReads.SalesOrders(context.Request, state, serviceRoot));
                return;
            case var items when service == SalesOrderService && SapSimItemRejection.ItemsOf(items) is { } salesOrder:
                await SapSimItemRejection.WriteItemsAsync(context, state, salesOrder, serviceRoot);
                return;
            case "A_Product" when service == ProductService:
                await WriteQueryAsync(context, SapSimReads.Products(context.Request, state, serviceRoot));
                return;
            case "A_ProductDescription" when service == ProductService:
                await WriteQueryAsync(context, SapSimReads.ProductDescriptions(context.Request, state, serviceRoot));
                return;
            case "A_OutbDeliveryHeader" when service == DeliveryService:
                await WriteQueryAsync(context, SapSimDeliveries.Headers(context.Request, state, serviceRoot));
                return;
            case "A_MatlStkInAcctMod" when service == StockService:
                await WriteQueryAsync(context, SapSimReads.Stock(context.Request, state, serviceRoot));
                return;
            default:
                await WriteErrorAsync(context, 404, ResourceNotFound, $"Resource not found for segment '{resource}'");
                return;
        }
    }

    private static async Task PostAsync(HttpContext context, SapSimulatorState state, SapSimSessions.Session? session, string service, string resource)
    {
        if (!await SapSimCsrf.AdmitWriteAsync(context, state, session))
        {
            return;
        }

        if (service != SalesOrderService || resource.TrimEnd('/') != "A_SalesOrder")
        {
            await WriteErrorAsync(context, 405, ResourceNotFound, $"The request method POST is not allowed for '{resource}'");
            return;
        }

        var body = await SimJson.ReadOrNullAsync(context);

        await SapSimCreate.HandleAsync(context, state, body, ServiceRoot(context.Request, service));
    }

    /// <summary>PATCH or MERGE of an A_SalesOrderItem: the same CSRF rules as POST.</summary>
    private static async Task UpdateAsync(HttpContext context, SapSimulatorState state, SapSimSessions.Session? session, string service, string resource)
    {
        if (!await SapSimCsrf.AdmitWriteAsync(context, state, session))
        {
            return;
        }

        var body = await SimJson.ReadOrNullAsync(context);

        await SapSimItemRejection.UpdateAsync(context, state, service, resource.TrimEnd('/'), body);
    }

    private static async Task WriteQueryAsync(HttpContext context, (JsonObject? Answer, Failure? Failure) result)
    {
        if (result.Failure is { } failure)
        {
            await WriteErrorAsync(context, failure.Status, failure.Code, failure.Message, failure.Target);
            return;
        }

        await WriteJsonAsync(context, 200, result.Answer!);
    }

    /// <summary>The absolute service root as the client addressed it, e.g. <c>http://127.0.0.1:7080/sap/sap/opu/odata/sap/API_SALES_ORDER_SRV/</c>.</summary>
    internal static string ServiceRoot(HttpRequest request, string service) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{ODataBase}{service}/";

    internal static Task WriteErrorAsync(HttpContext context, int status, string code, string message, string target = "") =>
        WriteJsonAsync(context, status, Error(code, message, target));

    internal static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["DataServiceVersion"] = "2.0";
        return SimJson.WriteAsync(context, body);
    }

    private static string OperationName(string resource)
    {
        var trimmed = resource.TrimEnd('/');
        return trimmed.Length == 0 ? "service root" : trimmed;
    }
}
