using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// E-mail through the configured SMTP server (MailKit): a plain-text message with the alert's title as subject to every
/// recipient in Alerts:Smtp:To. The server refusing the connection, the login, a recipient or the message throws.
/// </summary>
public sealed class EmailAlertChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    public const string SubjectPrefix = "[ServerlessSync] ";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public string Name => "Email";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Value.Smtp;
        var host = string.IsNullOrWhiteSpace(smtp.Host) ? throw new InvalidOperationException("Alerts:Smtp:Host is not set.") : smtp.Host;
        using var mail = Compose(message, smtp);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(host, smtp.Port, SecurityFor(smtp), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    public static MimeMessage Compose(AlertMessage message, SmtpAlertOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(smtp);
        var recipients = smtp.Recipients();
        if (recipients.Count == 0)
        {
            throw new InvalidOperationException("Alerts:Smtp:To names no recipient.");
        }

        if (string.IsNullOrWhiteSpace(smtp.From))
        {
            throw new InvalidOperationException("Alerts:Smtp:From is not set.");
        }

        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var recipient in recipients)
        {
            mail.To.Add(MailboxAddress.Parse(recipient));
        }

        mail.Subject = SubjectPrefix + message.Title;
        mail.Body = new TextPart("plain") { Text = Render(message) };
        return mail;
    }

    public static string Render(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Title + "\n\n" + string.Join("\n", AlertText.FieldLines(message)) + "\n";
    }

    /// <summary>465 is implicit TLS; otherwise STARTTLS is required unless switched off for a plain relay.</summary>
    private static SecureSocketOptions SecurityFor(SmtpAlertOptions smtp) => smtp.Port == 465
        ? SecureSocketOptions.SslOnConnect
        : smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
}
