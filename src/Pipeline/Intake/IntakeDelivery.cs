using System.Text.Json;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// What one intake queue message carries: the events of a batch (webhooks and pull), or a single event (busy
/// re-queues, resync and release, and messages written before intake batched).
/// </summary>
public sealed record IntakeDelivery(IntakeBatch? Batch, IReadOnlyList<IntakeMessage> Events)
{
    /// <exception cref="FormatException">The text is neither a valid batch nor a valid single event.</exception>
    public static IntakeDelivery Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new FormatException("Intake message is not valid JSON.", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("events", out _))
            {
                var batch = IntakeBatch.FromJson(document.RootElement);
                return new IntakeDelivery(batch, batch.Messages.ToList());
            }
        }

        return new IntakeDelivery(null, [IntakeMessage.Parse(text)]);
    }
}
