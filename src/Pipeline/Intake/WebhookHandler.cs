using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// POST /api/webhooks/{platform}: verify, hand the messages to the group committer, ack once they are durable.
/// Never calls a platform API or the ERP, so the ack is fast however slow the ERP is. A rejected push leaves
/// nothing behind; a push that could not be recorded gets a 503, so the platform pushes it again. A genuine push for a
/// shop that is not configured yet is kept (<see cref="HeldPushes"/>), alerted and acknowledged.
/// </summary>
public sealed class WebhookHandler(IEnumerable<IWebhookAdapter> adapters, IntakeCommitter intake, HeldPushes held, TimeProvider clock, ILogger<WebhookHandler> logger, IntakeFloodMeter? flood = null, EnqueuedOrderVersions? enqueued = null)
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
            case PushOutcomeKind.Held when outcome.Held is { } push:
                try
                {
                    await held.KeepAsync(push, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Platform} push for unconfigured shop {ShopKey} not kept; answered 503 so the platform retries", platform, push.ShopKey);
                    return HttpReply.Error(503, "the push could not be recorded; please retry");
                }

                logger.LogWarning("{Platform} push for unconfigured shop {ShopKey} kept until the shop is configured", platform, push.ShopKey);
                return adapter.Ack();
            default:
                // A version the pull already made durable needs no second message: the pull listed the order after this
                // event happened, and its run reads the order afresh. The Inbox still dedupes across processes.
                var messages = enqueued is null
                    ? outcome.Messages
                    : outcome.Messages.Where(m => !enqueued.AlreadyPulled(m.Event.Platform, m.Event.ShopId, m.Event.OrderId, m.Event.EventTime)).ToList();
                try
                {
                    await intake.CommitAsync(messages, cancellationToken);
                }
                catch (EnvelopeTooLargeException ex)
                {
                    logger.LogWarning("Rejected {Platform} push: {Reason}", platform, ex.Message);
                    return HttpReply.Error(400, ex.Message);
                }
                catch (IntakeFullException ex)
                {
                    logger.LogWarning("{Platform} push answered 503: {Reason}", platform, ex.Message);
                    return HttpReply.Error(503, "intake is busy; please retry");
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Platform} push with {Messages} messages not recorded; answered 503 so the platform retries", platform, messages.Count);
                    return HttpReply.Error(503, "the push could not be recorded; please retry");
                }

                flood?.Record(outcome.Messages.Count);
                enqueued?.Remember(messages);
                logger.LogDebug("{Platform} push: {Messages} messages recorded, {Known} already pulled", platform, messages.Count, outcome.Messages.Count - messages.Count);
                return adapter.Ack();
        }
    }

    private static class HttpMethods
    {
        public static bool IsGet(string method) => string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
    }
}
