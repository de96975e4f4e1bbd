using MailKit.Net.Smtp;
using MimeKit;

namespace ServerlessSync.Pipeline.Tests.Alerts;

public sealed class EmailAlertChannelTests
{
    private static EmailAlertChannel Channel(SmtpTestServer server, Action<SmtpAlertOptions>? configure = null)
    {
        var smtp = new SmtpAlertOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            From = "serverlesssync@shop.example",
            To = "ops@shop.example, erp-team@shop.example",
            UseStartTls = false,
        };
        configure?.Invoke(smtp);
        return new EmailAlertChannel(Options.Create(new AlertOptions { Smtp = smtp }));
    }

    private static MimeMessage Parse(SmtpTestServer.Capture capture) =>
        MimeMessage.Load(new MemoryStream(capture.Bytes()));

    [Fact]
    public async Task The_alert_goes_as_plain_text_to_every_recipient()
    {
        await using var server = new SmtpTestServer();

        await Channel(server).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None);

        var capture = Assert.Single(server.Messages);
        Assert.Equal("serverlesssync@shop.example", capture.From);
        Assert.Equal(["ops@shop.example", "erp-team@shop.example"], capture.To);
        var mail = Parse(capture);
        Assert.Equal("[ServerlessSync] ERP rejected orders / ERP 拒绝订单", mail.Subject);
        Assert.Equal(2, mail.To.Mailboxes.Count());
        Assert.Equal("text/plain", mail.Body!.ContentType.MimeType);
        Assert.Equal(
            "ERP rejected orders / ERP 拒绝订单\n\n目标 Target: erp:Sap\n订单 Order: douyin:100200300:6921234567890123\n" +
            "原因 Reason: V1/392: Material MAT-X is not defined\n时间 Time: 2025-06-18 12:30:00 UTC\n",
            mail.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("QUIT", server.Commands);
    }

    [Fact]
    public async Task Configured_credentials_log_in_before_sending()
    {
        await using var server = new SmtpTestServer { AdvertiseAuth = true };

        await Channel(server, s => (s.UserName, s.Password) = ("alerts@shop.example", "p@ss word")).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None);

        Assert.Equal(("alerts@shop.example", "p@ss word"), Assert.Single(server.Logins));
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task Required_starttls_that_the_server_does_not_offer_refuses_to_send_in_clear()
    {
        await using var server = new SmtpTestServer();

        await Assert.ThrowsAnyAsync<Exception>(() => Channel(server, s => s.UseStartTls = true).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None));

        Assert.Empty(server.Messages);
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_recipient_throws_so_the_alert_service_sees_it()
    {
        await using var server = new SmtpTestServer { RefusedRecipient = "erp-team@shop.example" };

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => Channel(server).SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None));

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task It_is_configured_by_the_host_and_needs_a_recipient()
    {
        await using var server = new SmtpTestServer();

        Assert.False(Channel(server, s => s.Host = "").IsConfigured);
        Assert.True(Channel(server).IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Channel(server, s => s.To = " , ").SendAsync(AlertChannelTestMessages.Rejected(), CancellationToken.None));
    }
}
