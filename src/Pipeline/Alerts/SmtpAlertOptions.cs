namespace ServerlessSync.Pipeline.Alerts;

/// <summary>The SMTP server alert e-mails go through, bound from <c>Alerts:Smtp</c>.</summary>
public sealed class SmtpAlertOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? From { get; set; }

    /// <summary>Recipients, comma-separated.</summary>
    public string? To { get; set; }

    /// <summary>Log in with these when set; otherwise send without authentication (a trusted relay).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Require STARTTLS (a server that does not offer it is refused). Port 465 always uses TLS from the start.</summary>
    public bool UseStartTls { get; set; } = true;

    public IReadOnlyList<string> Recipients() =>
        (To ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
