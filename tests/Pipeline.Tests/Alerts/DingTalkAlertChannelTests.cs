namespace ServerlessSync.Pipeline.Tests.Alerts;

public sealed class DingTalkAlertChannelTests : RobotChannelTests
{
    private const string Secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";

    private DingTalkAlertChannel Channel(string? secret, TimeProvider? time = null, string? url = null) =>
        new(Http, Options.Create(new AlertOptions { DingTalkWebhookUrl = url ?? Robot.DingTalkUrl, DingTalkSecret = secret }), time ?? TimeProvider.System);

    /// <summary>A clock near now whose millisecond timestamp signs to a base64 text with '+' or '/', which only survive URL encoding.</summary>
    private static ManualClock ClockWithAwkwardSign()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        while (!RobotReceiver.Hmac(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{now.ToUnixTimeMilliseconds()}\n{Secret}")).Contains('+', StringComparison.Ordinal))
        {
            now = now.AddMilliseconds(1);
        }

        return new ManualClock(now);
    }

    [Fact]
    public async Task A_signed_markdown_message_passes_theRobots_sign_check()
    {
        Robot.Secret = Secret;
        var clock = ClockWithAwkwardSign();

        await Channel(Secret, clock).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None);

        var (query, body) = Assert.Single(Robot.DingTalk);
        Assert.Contains($"timestamp={clock.GetUtcNow().ToUnixTimeMilliseconds()}", query, StringComparison.Ordinal);
        Assert.StartsWith("?access_token=test-token&", query, StringComparison.Ordinal);
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        var markdown = body.GetProperty("markdown");
        Assert.Equal("ERP rejected orders / ERP 拒绝订单", markdown.GetProperty("title").GetString());
        var text = markdown.GetProperty("text").GetString()!;
        Assert.StartsWith("### ERP rejected orders", text, StringComparison.Ordinal);
        Assert.Contains("- 目标 Target: erp:Sap", text, StringComparison.Ordinal);
        Assert.Contains("- 订单 Order: douyin:100200300:6921234567890123", text, StringComparison.Ordinal);
        Assert.Contains("- 原因 Reason: V1/392: Material MAT-X is not defined", text, StringComparison.Ordinal);
        Assert.Contains("- 时间 Time: 2025-06-18 12:30:00 UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_secret_the_url_is_used_as_it_is()
    {
        await Channel(secret: null).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None);

        Assert.Equal("?access_token=test-token", Assert.Single(Robot.DingTalk).Query);
    }

    [Fact]
    public async Task A_refusal_throws_with_theRobots_errcode()
    {
        Robot.Secret = Secret;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Channel("SEC-not-the-secret").SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None));

        Assert.Contains("310000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_only_with_a_webhook_url_and_a_long_reason_is_cut()
    {
        var message = AlertChannelTestMessages.Rejected(new string('错', 5000));

        var text = DingTalkAlertChannel.Render(message);

        Assert.False(Channel(null, url: "").IsConfigured);
        Assert.True(Channel(null).IsConfigured);
        Assert.True(text.Length < 2200, $"{text.Length} characters");
        Assert.Contains("…", text, StringComparison.Ordinal);
        Assert.EndsWith("UTC", text, StringComparison.Ordinal);
    }
}
