using System.Text.Json.Nodes;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// How many times an intake message was put back because storage or the engine was unavailable: the top-level
/// <c>transientTries</c> property of the message (a batch or a single event; readers ignore it). A message put back
/// is a new queue message, so the queue's dequeue count starts again and only real faults count towards poison.
/// </summary>
public static class IntakeRetryMark
{
    public const string Property = "transientTries";

    public static int Read(string messageText) =>
        Parse(messageText)?[Property] is JsonValue value && value.TryGetValue<int>(out var tries) ? tries : 0;

    /// <summary>The message with its count set; a text that is not a JSON object cannot carry one and is returned as it is.</summary>
    public static string Write(string messageText, int tries)
    {
        if (Parse(messageText) is not { } message)
        {
            return messageText;
        }

        if (tries <= 0)
        {
            message.Remove(Property);
        }
        else
        {
            message[Property] = tries;
        }

        return message.ToJsonString();
    }

    private static JsonObject? Parse(string messageText)
    {
        try
        {
            return JsonNode.Parse(messageText) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
