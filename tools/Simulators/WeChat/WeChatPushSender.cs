using System.Net.Http.Headers;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>POSTs pushes to a webhook (query string + JSON body) like WeChat does, and makes the URL-verification GET.</summary>
public sealed class WeChatPushSender(HttpClient http)
{
    /// <summary>WeChat waits at most 5 s for an answer; anything slower counts as a failed delivery.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<SimPushDelivery> SendAsync(Uri webhook, WeChatPush push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        using var request = new HttpRequestMessage(HttpMethod.Post, WithQuery(webhook, push.Query));
        request.Content = new ByteArrayContent(push.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await SimPushPost.SendAsync(http, request, Timeout, IsSuccessAck, cancellationToken);
    }

    /// <summary>"Reply success or an empty string".</summary>
    public static bool IsSuccessAck(string body) => body.Trim() is "success" or "";

    public static Uri WithQuery(Uri webhook, string query) =>
        new(webhook.AbsoluteUri + (string.IsNullOrEmpty(webhook.Query) ? "?" : "&") + query);
}
