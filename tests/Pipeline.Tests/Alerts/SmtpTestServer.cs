using System.Net.Sockets;

namespace ServerlessSync.Pipeline.Tests.Alerts;

/// <summary>
/// A minimal SMTP server on loopback for tests: EHLO/HELO, optional AUTH PLAIN/LOGIN, MAIL FROM, RCPT TO, DATA, RSET,
/// NOOP and QUIT. It captures each message with its envelope. It never offers STARTTLS.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public SmtpTestServer()
    {
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    /// <summary>One message; <see cref="Data"/> holds the DATA bytes as Latin-1 chars (see <see cref="Bytes"/>).</summary>
    public sealed record Capture(string From, IReadOnlyList<string> To, string Data)
    {
        public byte[] Bytes() => Encoding.Latin1.GetBytes(Data);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public bool AdvertiseAuth { get; init; }

    /// <summary>RCPT TO for this address is refused with 550.</summary>
    public string? RefusedRecipient { get; init; }

    public ConcurrentQueue<Capture> Messages { get; } = new();

    public ConcurrentQueue<(string User, string Password)> Logins { get; } = new();

    public ConcurrentQueue<string> Commands { get; } = new();

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        // Latin-1 maps every byte to one char, so an 8BITMIME body (raw UTF-8) survives the round trip byte for byte.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP ServerlessSync test server");
        string? from = null;
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                Commands.Enqueue(line);
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost greets you");
                        if (AdvertiseAuth)
                        {
                            await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                        }

                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250 SIZE 10485760");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "AUTH":
                        await AuthenticateAsync(line, reader, writer);
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (string.Equals(recipient, RefusedRecipient, StringComparison.OrdinalIgnoreCase))
                        {
                            await writer.WriteLineAsync($"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown");
                        }
                        else
                        {
                            to.Add(recipient);
                            await writer.WriteLineAsync("250 2.1.5 Ok");
                        }

                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        Messages.Enqueue(new Capture(from ?? "", to.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Error: command not recognized");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the server is stopping.
        }
    }

    private async Task AuthenticateAsync(string line, StreamReader reader, StreamWriter writer)
    {
        var parts = line.Split(' ');
        var mechanism = parts.Length > 1 ? parts[1].ToUpperInvariant() : "";
        if (mechanism == "PLAIN")
        {
            var initial = parts.Length > 2 ? parts[2] : null;
            if (initial is null)
            {
                await writer.WriteLineAsync("334 ");
                initial = await reader.ReadLineAsync() ?? "";
            }

            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
            Logins.Enqueue((fields[1], fields[2]));
            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
        }
        else if (mechanism == "LOGIN")
        {
            var user = parts.Length > 2 ? parts[2] : null;
            if (user is null)
            {
                await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                user = await reader.ReadLineAsync() ?? "";
            }

            await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
            var password = await reader.ReadLineAsync() ?? "";
            Logins.Enqueue((Encoding.UTF8.GetString(Convert.FromBase64String(user)), Encoding.UTF8.GetString(Convert.FromBase64String(password))));
            await writer.WriteLineAsync("235 2.7.0 Authentication successful");
        }
        else
        {
            await writer.WriteLineAsync("504 5.5.4 Unrecognized authentication type");
        }
    }

    /// <summary>The address between angle brackets of "MAIL FROM:&lt;a@b&gt; SIZE=..." or "RCPT TO:&lt;a@b&gt;".</summary>
    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
