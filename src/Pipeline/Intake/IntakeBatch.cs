using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessSync.Domain.Platforms;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// One group commit of intake: the envelopes of every event accepted together, sent as ONE queue message
/// <c>{"id", "acceptedAt", "events": [{platform, shopId, orderId, event, eventTime, msgId}, ...], "bodies": [...]}</c>.
/// The raw bodies ride in the message (<see cref="Bodies"/>, in the order of the events) when they fit its 64 KiB,
/// which makes the ack one storage call; otherwise (<see cref="Bodies"/> null) they sit in the blob
/// <see cref="BodiesBlobName"/>, written before the message (the claim check).
/// </summary>
public sealed partial record IntakeBatch(string Id, DateTimeOffset AcceptedAt, IReadOnlyList<OrderEvent> Events, IReadOnlyList<string>? Bodies = null)
{
    /// <summary>
    /// Budget for what one message carries, in UTF-8 bytes: its envelopes, and its bodies when it carries them (one
    /// envelope alone must fit it). Base64 (the queue encoding) makes it 4/3 larger: 45 KiB plus the few hundred bytes
    /// around them stay under 62 KiB on the wire, below the 64 KiB limit.
    /// </summary>
    public const int MaxEnvelopeBytes = 45 * 1024;

    /// <summary>
    /// A longer body always goes to the blob: the consumer keeps an inline body in the event's Inbox row, and a Table
    /// string property holds at most 32 K UTF-16 characters.
    /// </summary>
    public const int MaxInlineBodyChars = 30_000;

    public string BodiesBlobName => BodiesBlobNameOf(Id);

    public static string BodiesBlobNameOf(string batchId) => batchId + ".json";

    public IEnumerable<IntakeMessage> Messages => Events.Select(e => IntakeMessage.From(e, AcceptedAt));

    /// <summary>A new id: the acceptance time first, so ids (and the body blobs named after them) sort by time.</summary>
    public static string NewId(DateTimeOffset acceptedAt) =>
        acceptedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");

    /// <summary>What one event adds to a batch message before encoding: its envelope and a separating comma.</summary>
    public static int EnvelopeBytes(OrderEvent e) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(e, IntakeMessage.Json)) + 1;

    /// <summary>What one event adds to a batch message that carries its raw body too; null when the body must go to the blob.</summary>
    public static int? InlineBytes(OrderEvent e, string rawBody) =>
        rawBody.Length > MaxInlineBodyChars ? null : EnvelopeBytes(e) + Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(rawBody, IntakeMessage.Json)) + 1;

    public string ToJson() => JsonSerializer.Serialize(new Wire(Id, AcceptedAt, Events, Bodies), IntakeMessage.Json);

    /// <exception cref="FormatException">The element is not a valid batch.</exception>
    internal static IntakeBatch FromJson(JsonElement element)
    {
        Wire? wire;
        try
        {
            wire = element.Deserialize<Wire>(IntakeMessage.Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Intake batch has malformed fields.", ex);
        }

        if (wire is null || wire.Id is null || !SafeId().IsMatch(wire.Id))
        {
            throw new FormatException("Intake batch lacks a valid id.");
        }

        if (wire.Events is not { Count: > 0 } || wire.Events.Any(e => e is null))
        {
            throw new FormatException($"Intake batch {wire.Id} has no events.");
        }

        foreach (var e in wire.Events)
        {
            IntakeMessage.EnsureIdentifiesAnOrder(e.Platform, e.ShopId, e.OrderId);
            if (string.IsNullOrWhiteSpace(e.Event) || string.IsNullOrWhiteSpace(e.MsgId))
            {
                throw new FormatException($"Intake batch {wire.Id} has an event without an event name or message id.");
            }
        }

        if (wire.Bodies is { } bodies && (bodies.Count != wire.Events.Count || bodies.Any(b => b is null)))
        {
            throw new FormatException($"Intake batch {wire.Id} carries {bodies.Count} bodies for {wire.Events.Count} events.");
        }

        return new IntakeBatch(wire.Id, wire.AcceptedAt, wire.Events, wire.Bodies);
    }

    /// <summary>Ids name blobs and sit in Table properties: letters, digits and hyphens only.</summary>
    [GeneratedRegex("^[0-9A-Za-z-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeId();

    private sealed record Wire(
        string? Id,
        DateTimeOffset AcceptedAt,
        IReadOnlyList<OrderEvent>? Events,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Bodies);
}

/// <summary>One event's envelope alone exceeds what a queue message can carry: the push is malformed (its ids are absurdly long).</summary>
public sealed class EnvelopeTooLargeException(string msgId, int bytes)
    : Exception($"the envelope of message {msgId} is {bytes} bytes, over the {IntakeBatch.MaxEnvelopeBytes}-byte limit of a queue message");
