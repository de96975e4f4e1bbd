namespace ServerlessSync.Domain.Platforms.WeChat;

/// <summary>A <c>/cgi-bin/token</c> answer: <c>{access_token, expires_in}</c> (seconds, 7200 in practice) or an error.</summary>
public sealed record WeChatAccessTokenResult(string? AccessToken, TimeSpan ExpiresIn, WeChatApiError? Error)
{
    /// <exception cref="WeChatResponseFormatException">Not JSON, or neither a token nor an error.</exception>
    public static WeChatAccessTokenResult Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new WeChatResponseFormatException("token answer is not a JSON object");
            }

            if (WeChatApiError.From(root) is { } error)
            {
                return new WeChatAccessTokenResult(null, TimeSpan.Zero, error);
            }

            var token = WeChatJson.NonEmptyString(root, "access_token") ?? throw new WeChatResponseFormatException("token answer lacks access_token");
            var seconds = PlatformJson.Long(root, "expires_in") ?? throw new WeChatResponseFormatException("token answer lacks expires_in");
            return seconds > 0
                ? new WeChatAccessTokenResult(token, TimeSpan.FromSeconds(seconds), null)
                : throw new WeChatResponseFormatException("expires_in is not positive");
        }
        catch (JsonException ex)
        {
            throw new WeChatResponseFormatException("token answer is not valid JSON", ex);
        }
    }
}
