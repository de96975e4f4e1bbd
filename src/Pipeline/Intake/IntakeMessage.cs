using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// The intake queue message: the order event envelope plus when the hub accepted it. AcceptedAt lets the
/// starter skip an event that an orchestration started afterwards has already covered.
/// </summary>
public sealed record IntakeMessage(string Platform, string ShopId, string OrderId, string Event, DateTimeOffset EventTime, string MsgId, DateTimeOffset AcceptedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Derived from the fields; not part of the queue envelope.</summary>
    [JsonIgnore]
    public OrderKey Key => new(Platform, ShopId, OrderId);

    public static IntakeMessage From(OrderEvent e, DateTimeOffset acceptedAt) =>
        new(e.Platform, e.ShopId, e.OrderId, e.Event, e.EventTime, e.MsgId, acceptedAt);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="FormatException">The text is not a valid intake message.</exception>
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

        if (message is null || string.IsNullOrWhiteSpace(message.Platform) || string.IsNullOrWhiteSpace(message.ShopId)
            || string.IsNullOrWhiteSpace(message.OrderId) || !PlatformNames.IsKnown(message.Platform))
        {
            throw new FormatException("Intake message lacks a known platform, shop id or order id.");
        }

        return message;
    }
}
