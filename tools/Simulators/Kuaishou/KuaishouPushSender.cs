using System.Net.Http.Headers;
using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>POSTs pushes (the raw Base64 body, no signature header) to a webhook, like the platform does.</summary>
public sealed class KuaishouPushSender(HttpClient http)
{
    /// <summary>The e-shop's push timeout is not documented; anything slower than this counts as a failed delivery.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<SimPushDelivery> SendAsync(Uri webhook, KuaishouPush push, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(push);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook);
        request.Content = new ByteArrayContent(push.Body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(KuaishouSimPushAck.PushContentType);
        return await SimPushPost.SendAsync(http, request, Timeout, IsSuccessAck, cancellationToken);
    }

    /// <summary>The receiver acknowledged with <c>{"result":1}</c>.</summary>
    public static bool IsSuccessAck(string body) => SimPushPost.IsJsonAck(body, "result", 1);
}
