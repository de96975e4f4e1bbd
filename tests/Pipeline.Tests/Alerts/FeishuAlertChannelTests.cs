namespace ServerlessSync.Pipeline.Tests.Alerts;

public sealed class FeishuAlertChannelTests : RobotChannelTests
{
    private const string Secret = "feishu-bot-secret-1234";

    private FeishuAlertChannel Channel(string? secret, string? url = null) =>
        new(Http, Options.Create(new AlertOptions { FeishuWebhookUrl = url ?? Robot.FeishuUrl, FeishuSecret = secret }), TimeProvider.System);

    [Fact]
    public async Task A_signed_text_message_passes_the_bots_sign_check()
    {
        Robot.Secret = Secret;

        await Channel(Secret).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None);

        var body = Assert.Single(Robot.Feishu);
        Assert.Equal("text", body.GetProperty("msg_type").GetString());
        Assert.Matches("^[0-9]{10}$", body.GetProperty("timestamp").GetString()!);
        var text = body.GetProperty("content").GetProperty("text").GetString()!;
        Assert.Equal(
            "【ERP rejected orders / ERP 拒绝订单】\n目标 Target: erp:Sap\n订单 Order: douyin:100200300:6921234567890123\n" +
            "原因 Reason: V1/392: Material MAT-X is not defined\n时间 Time: 2025-06-18 12:30:00 UTC",
            text);
    }

    [Fact]
    public async Task Without_a_secret_no_timestamp_or_sign_is_sent_and_the_legacy_answer_counts_as_success()
    {
        Robot.FeishuLegacyAnswer = true;

        await Channel(secret: null).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None);

        var body = Assert.Single(Robot.Feishu);
        Assert.False(body.TryGetProperty("timestamp", out _));
        Assert.False(body.TryGetProperty("sign", out _));
    }

    [Fact]
    public async Task A_wrong_secret_or_a_refused_body_throws_with_the_bots_code()
    {
        Robot.Secret = Secret;
        var badSign = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Channel("not-the-secret").SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None));
        Robot.FeishuForcedCode = 9499;
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Channel(Secret).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None));

        Assert.Contains("19021", badSign.Message, StringComparison.Ordinal);
        Assert.Contains("9499", refused.Message, StringComparison.Ordinal);
        Assert.False(Channel(null, url: " ").IsConfigured);
    }
}
