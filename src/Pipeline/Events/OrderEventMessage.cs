using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ServerlessSync.Pipeline.Events;

/// <summary>
/// One order event for downstream systems, the JSON body of a message on the <c>order-events</c> topic.
/// Ids stay strings (WeChat order ids exceed 2^53). <see cref="Reason"/> is the ledger's reason text (quarantine
/// reasons, stock shortage, ERP answer); it never holds buyer data because the ledger does not.
/// </summary>
public sealed record OrderEventMessage(
    string EventType,
    string InstanceId,
    string Platform,
    string ShopId,
    string OrderId,
    string Erp,
    string? ErpOrderNumber,
    string? Reason,
    DateTimeOffset OccurredAt)
{
    /// <summary>Service Bus caps MessageId at 128 characters.</summary>
    public const int MaxIdempotencyKeyLength = 128;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event for a ledger status change, or null when the status publishes none (see <see cref="OrderEventTypes.For"/>).</summary>
    public static OrderEventMessage? ForStatus(OrderKey key, SyncStatus status, string erp, string? erpOrderNumber, string? reason, DateTimeOffset occurredAt) =>
        OrderEventTypes.For(status) is { } type
            ? new OrderEventMessage(type, key.InstanceId, key.Platform, key.ShopId, key.OrderId, erp, erpOrderNumber, reason, occurredAt.ToUniversalTime())
            : null;

    /// <summary>
    /// The order was recorded at intake. No ERP number and no reason: every push of the same order gives the same key,
    /// so the topic's duplicate detection passes one <c>received</c> per order within its window.
    /// </summary>
    public static OrderEventMessage Received(OrderKey key, string erp, DateTimeOffset occurredAt) =>
        new(OrderEventTypes.Received, key.InstanceId, key.Platform, key.ShopId, key.OrderId, erp, null, null, occurredAt.ToUniversalTime());

    /// <summary>
    /// The same fact always gives the same key, so a retried activity or a re-run of the same order publishes a message
    /// the topic's duplicate detection drops: <c>{instanceId}:{eventType}:{erpOrderNumber}</c>, or with a short hash of
    /// the reason when there is no ERP number (a different reason is a different fact). Too long a key is hashed whole.
    /// </summary>
    public string IdempotencyKey()
    {
        var discriminator = !string.IsNullOrEmpty(ErpOrderNumber) ? ErpOrderNumber : ShortHash(Reason ?? "");
        var key = $"{InstanceId}:{EventType}:{discriminator}";
        return key.Length <= MaxIdempotencyKeyLength ? key : $"{EventType}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private static string ShortHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
