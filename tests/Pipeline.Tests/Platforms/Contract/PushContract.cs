namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>A platform that pushes order changes over HTTP: the pushes its simulator builds, genuine, forged and malformed.</summary>
public abstract class PushContract(PlatformFacts facts) : PlatformContract(facts)
{
    /// <summary>A genuine push announcing the order's payment.</summary>
    public abstract WebhookRequest Push(ContractOrder order);

    /// <summary>The same push as a sender without the app's secret would make it.</summary>
    public abstract WebhookRequest ForgedPush(ContractOrder order);

    /// <summary>A body that is not a push at all, otherwise sent as the platform sends (signed, where the signature covers something else).</summary>
    public abstract WebhookRequest MalformedPush(ContractOrder order);

    protected static WebhookRequest Post(byte[] body, IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? query = null) =>
        new("POST", headers ?? new Dictionary<string, string>(), query ?? new Dictionary<string, string>(), body, BodyTooLarge: false);
}
