namespace ServerlessSync.Simulators.Tests.Core;

/// <summary>The shared push delivery: the ack rule decides, and no answer is a failed delivery rather than an exception.</summary>
public sealed class SimPushPostTests
{
    [Theory]
    [InlineData("{\"code\":0,\"msg\":\"success\"}", true)]
    [InlineData("{\"code\":\"0\"}", false)]
    [InlineData("{\"code\":1}", false)]
    [InlineData("[0]", false)]
    [InlineData("ok", false)]
    public void Douyin_acks_only_code_0(string body, bool acked) => Assert.Equal(acked, DouyinPushSender.IsSuccessAck(body));

    [Theory]
    [InlineData("{\"result\":1}", true)]
    [InlineData("{\"result\":0}", false)]
    [InlineData("{}", false)]
    public void Kuaishou_acks_only_result_1(string body, bool acked) => Assert.Equal(acked, KuaishouPushSender.IsSuccessAck(body));

    [Theory]
    [InlineData("success", true)]
    [InlineData(" ", true)]
    [InlineData("fail", false)]
    public void WeChat_acks_success_or_nothing(string body, bool acked) => Assert.Equal(acked, WeChatPushSender.IsSuccessAck(body));

    [Fact]
    public async Task A_2xx_with_an_ack_is_acked_and_a_5xx_is_not_even_with_one()
    {
        using var ok = new HttpClient(new Answering(HttpStatusCode.OK, "success"));
        using var failing = new HttpClient(new Answering(HttpStatusCode.BadGateway, "success"));

        var acked = await SimPushPost.SendAsync(ok, Request(), TimeSpan.FromSeconds(5), WeChatPushSender.IsSuccessAck, CancellationToken.None);
        var refused = await SimPushPost.SendAsync(failing, Request(), TimeSpan.FromSeconds(5), WeChatPushSender.IsSuccessAck, CancellationToken.None);

        Assert.Equal((200, true, (string?)null), (acked.StatusCode, acked.Acked, acked.Error));
        Assert.Equal((502, false), (refused.StatusCode, refused.Acked));
    }

    [Fact]
    public async Task No_answer_is_a_failed_delivery_but_the_callers_own_cancellation_still_cancels()
    {
        using var unreachable = new HttpClient(new Throwing());
        using var answering = new HttpClient(new Answering(HttpStatusCode.OK, ""));

        var delivery = await SimPushPost.SendAsync(unreachable, Request(), TimeSpan.FromSeconds(5), _ => true, CancellationToken.None);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.Equal((0, false, nameof(HttpRequestException)), (delivery.StatusCode, delivery.Acked, delivery.Error));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            SimPushPost.SendAsync(answering, Request(), TimeSpan.FromSeconds(5), _ => true, cancelled.Token));
    }

    private static HttpRequestMessage Request() => new(HttpMethod.Post, "http://127.0.0.1:9/webhook") { Content = new StringContent("{}") };

    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }

    private sealed class Throwing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("connection refused");
    }
}
