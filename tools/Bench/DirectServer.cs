using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Erp;
using ServerlessSync.Domain.Mapping;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Domain.Platforms.Douyin;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Erp;
using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Ports;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Bench;

/// <summary>
/// The baseline merchants run today: a hand-written point-to-point integration whose webhook handler fetches
/// the order, maps it and writes it to the ERP synchronously before it acks. Same platform and ERP adapters as
/// the hub, no queue, no governor, no orchestration.
/// </summary>
public static class DirectServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddDouyinPlatform(builder.Configuration);
        builder.Services.AddSingleton(new ErpGovernorOptions { MaxCallsPerSecond = 100_000, MaxConcurrency = 10_000 });
        builder.Services.AddSingleton<ErpGovernor>();
        builder.Services.AddTransient<ErpGovernorHandler>();
        builder.Services.AddErpConnector("Kingdee", builder.Configuration);
        var app = builder.Build();
        var profileFile = builder.Configuration["Profiles:File"] ?? throw new InvalidOperationException("Profiles:File is required");
        var profile = ProfileStore.Parse(await File.ReadAllTextAsync(profileFile));
        var options = app.Services.GetRequiredService<IOptions<DouyinApiOptions>>().Value;

        app.MapGet("/api/health", () => Results.Ok());
        app.MapPost("/api/webhooks/douyin", async (HttpRequest request, IPlatformOrderClient platform, IErpConnector erp, CancellationToken ct) =>
        {
            var push = await WebhookRequest.ReadAsync(request, ct);
            var outcome = new DouyinPushAdapter(options.AppKey, options.AppSecret)
                .Process(push.Header(DouyinPushAck.AppIdHeader), push.Header(DouyinPushAck.SignHeader), push.Body, DateTimeOffset.UtcNow);
            if (outcome.Kind == PushOutcomeKind.Rejected)
            {
                return Results.Json(new { error = outcome.RejectReason }, statusCode: outcome.RejectStatusCode);
            }

            foreach (var message in outcome.Messages)
            {
                var order = await platform.GetOrderAsync(new OrderKey(message.Event.Platform, message.Event.ShopId, message.Event.OrderId), ct);
                if (!OrderStatusMachine.NeedsErpOrder(order.Status))
                {
                    continue;
                }

                var plan = OrderPlanner.Plan(order, profile);
                if (plan.Document is null)
                {
                    continue;
                }

                // What a typical hand-written integration does: look up, then create, inline, and fail the push on any error.
                if (await erp.FindByExternalOrderNoAsync(plan.Document.ExternalOrderNo, ct) is null)
                {
                    var written = await erp.CreateSalesOrderAsync(plan.Document, ct);
                    if (!written.IsInErp)
                    {
                        return Results.Json(new { code = 1, msg = written.Reason }, statusCode: 500);
                    }
                }
            }

            return Results.Text(DouyinPushAck.Success, DouyinPushAck.ContentType);
        });
        await app.RunAsync();
        return 0;
    }
}
