using System.Net.Http.Headers;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>POSTs pushes to a webhook with the <c>app-id</c> and <c>event-sign</c> headers, like the platform does.</summary>
public sealed class DouyinPushSender(HttpClient http)
{
    /// <summary>抖店 expects an answer within about 5 s; anything slower than this counts as a failed delivery.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<SimPushDelivery> SendAsync(Uri webhook, DouyinPush push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook);
        request.Content = new ByteArrayContent(push.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(DouyinSimPushAck.ContentType);
        request.Headers.TryAddWithoutValidation(DouyinSimPushAck.AppIdHeader, push.AppId);
        request.Headers.TryAddWithoutValidation(DouyinSimPushAck.SignHeader, push.EventSign);
        return await SimPushPost.SendAsync(http, request, Timeout, IsSuccessAck, cancellationToken);
    }

    /// <summary>The receiver acknowledged with <c>{"code":0,...}</c>.</summary>
    public static bool IsSuccessAck(string body) => SimPushPost.IsJsonAck(body, "code", 0);
}
