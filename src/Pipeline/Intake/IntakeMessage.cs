using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// One order event with when the hub accepted it. AcceptedAt lets the starter skip an event that an orchestration
/// started afterwards has already covered. On the queue it travels inside an <see cref="IntakeBatch"/>, or alone
/// (a busy re-queue, a resync or release, a message written before intake batched).
/// </summary>
public sealed record IntakeMessage(string Platform, string ShopId, string OrderId, string Event, DateTimeOffset EventTime, string MsgId, DateTimeOffset AcceptedAt)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Derived from the fields; not part of the queue envelope.</summary>
    [JsonIgnore]
    public OrderKey Key => new(Platform, ShopId, OrderId);

    public static IntakeMessage From(OrderEvent e, DateTimeOffset acceptedAt) =>
        new(e.Platform, e.ShopId, e.OrderId, e.Event, e.EventTime, e.MsgId, acceptedAt);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="FormatException">The text is not a valid single-event intake message.</exception>
    public static IntakeMessage Parse(string text)
    {
        IntakeMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<IntakeMessage>(text, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Intake message is not valid JSON.", ex);
        }

        if (message is null)
        {
            throw new FormatException("Intake message is empty.");
        }

        EnsureIdentifiesAnOrder(message.Platform, message.ShopId, message.OrderId);
        return message;
    }

    internal static void EnsureIdentifiesAnOrder(string? platform, string? shopId, string? orderId)
    {
        if (string.IsNullOrWhiteSpace(platform) || string.IsNullOrWhiteSpace(shopId) || string.IsNullOrWhiteSpace(orderId) || !PlatformNames.IsKnown(platform))
        {
            throw new FormatException("Intake message lacks a known platform, shop id or order id.");
        }
    }
}
