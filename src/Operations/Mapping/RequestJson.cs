using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Pipeline.Mapping;

/// <summary>A request body read as <typeparamref name="T"/> with the profile's JSON options, or the 400 that says why it cannot be.</summary>
internal static class RequestJson
{
    public static (T? Value, HttpReply? Error) Read<T>(string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, ProfileStore.Json) is { } value
                ? (value, null)
                : (null, HttpReply.Error(400, "the body is empty (null)"));
        }
        catch (JsonException ex)
        {
            return (null, HttpReply.Error(400, $"body is not valid JSON: {ex.Message}"));
        }
    }
}
