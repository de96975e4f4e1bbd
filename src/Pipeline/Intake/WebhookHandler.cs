using Microsoft.Extensions.Logging;
using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Api;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// POST /api/webhooks/{platform}: verify, record in the Inbox, enqueue, ack. Never calls a platform API or
/// the ERP, so the ack is fast however slow the ERP is. A rejected push leaves nothing behind.
/// </summary>
public sealed class WebhookHandler(IEnumerable<IWebhookAdapter> adapters, IntakeService intake, TimeProvider clock, ILogger<WebhookHandler> logger)
{
    public async Task<HttpReply> HandleAsync(string platform, WebhookRequest request, CancellationToken cancellationToken)
    {
        var adapter = adapters.FirstOrDefault(a => string.Equals(a.Platform, platform, StringComparison.OrdinalIgnoreCase));
        if (adapter is null)
        {
            return HttpReply.Error(404, $"no webhook for platform '{platform}'");
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return adapter.Handshake(request) ?? HttpReply.Error(405, $"{platform} pushes use POST");
        }

        if (request.BodyTooLarge)
        {
            logger.LogWarning("Rejected {Platform} push: body over {Limit} bytes", platform, WebhookRequest.MaxBodyBytes);
            return HttpReply.Error(413, $"body exceeds {WebhookRequest.MaxBodyBytes} bytes");
        }

        var outcome = adapter.Interpret(request, clock.GetUtcNow());
        switch (outcome.Kind)
        {
            case PushOutcomeKind.Rejected:
                logger.LogWarning("Rejected {Platform} push with {Status}: {Reason}", platform, outcome.RejectStatusCode, outcome.RejectReason);
                return HttpReply.Error(outcome.RejectStatusCode, outcome.RejectReason ?? "rejected");
            case PushOutcomeKind.Test:
                logger.LogInformation("{Platform} test/verification push acknowledged", platform);
                return adapter.Ack();
            default:
                var result = await intake.AcceptAsync(outcome.Messages, cancellationToken);
                logger.LogInformation("{Platform} push: {Accepted} accepted, {Duplicates} duplicates", platform, result.Accepted, result.Duplicates);
                return adapter.Ack();
        }
    }

    private static class HttpMethods
    {
        public static bool IsGet(string method) => string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
    }
}
