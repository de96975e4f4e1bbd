using ServerlessSync.Domain.Platforms;
using ServerlessSync.Pipeline.Api;
using ServerlessSync.Pipeline.Http;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>One platform's push protocol: verification/decryption, handshakes and its own ack format.</summary>
public interface IWebhookAdapter
{
    string Platform { get; }

    /// <summary>Answers a handshake (e.g. WeChat's GET echostr); null when the platform has none.</summary>
    HttpReply? Handshake(WebhookRequest request);

    PushOutcome Interpret(WebhookRequest request, DateTimeOffset receivedAt);

    /// <summary>The acknowledgement the platform expects once the push is safely recorded.</summary>
    HttpReply Ack();

    /// <summary>The configured shop a held push (<see cref="PushOutcomeKind.Held"/>) now belongs to, or null while there is none.</summary>
    string? ShopFor(HeldPush push) => null;
}
