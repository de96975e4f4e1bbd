using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServerlessSync.Bench;

/// <summary>
/// A loopback TCP relay in front of one Azurite service that counts HTTP requests (each request line ends with
/// " HTTP/1.1\r\n"), so storage transactions per order are measured for every client in the hub, the Durable
/// Task backend included, without instrumenting any of them.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");
    private readonly TcpListener listener;
    private readonly int targetPort;
    private readonly CancellationTokenSource stop = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> byResource = new();
    private long requests;

    public CountingProxy(int targetPort)
    {
        this.targetPort = targetPort;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Starts counting from zero (after the bench's warm-up).</summary>
    public void ResetCounts()
    {
        Interlocked.Exchange(ref requests, 0);
        byResource.Clear();
    }

    /// <summary>Requests by method and resource (table, queue or container; "/messages" for queue message calls).</summary>
    public IReadOnlyDictionary<string, long> RequestsByResource => new Dictionary<string, long>(byResource);

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
                var up = PumpAsync(client.GetStream(), server.GetStream(), count: true);
                var down = PumpAsync(server.GetStream(), client.GetStream(), count: false);
                await Task.WhenAny(up, down);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                // The target is down (e.g. Azurite restarting): the client sees a closed connection, as it would without the relay.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool count)
    {
        var buffer = new byte[64 * 1024];
        var carry = Array.Empty<byte>();
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, stop.Token)) > 0)
            {
                if (count)
                {
                    var window = new byte[carry.Length + read];
                    carry.CopyTo(window, 0);
                    Array.Copy(buffer, 0, window, carry.Length, read);
                    var consumed = CountRequests(window);
                    // Keep the unfinished tail (at most one request line) for the next read.
                    var keepFrom = Math.Max(consumed, window.Length - MaxRequestLine);
                    carry = window[keepFrom..];
                }

                await to.WriteAsync(buffer.AsMemory(0, read), stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // Either side closed.
        }
        finally
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    private const int MaxRequestLine = 4096;

    /// <summary>Counts the request lines ending in the window, by resource; returns where the last one ended.</summary>
    private int CountRequests(byte[] window)
    {
        var end = 0;
        var span = window.AsSpan();
        for (var at = span.IndexOf(Marker); at >= 0;)
        {
            var lineStart = span[..at].LastIndexOf((byte)'\n') + 1;
            var line = Encoding.ASCII.GetString(span[lineStart..at]);

            // Operations inside a Tables batch body carry absolute URIs; the batch itself is the one transaction.
            var inBatch = line.Contains(" http://", StringComparison.OrdinalIgnoreCase);
            if (!inBatch)
            {
                Interlocked.Increment(ref requests);
            }

            byResource.AddOrUpdate((inBatch ? "(in $batch) " : "") + Resource(line), 1, (_, n) => n + 1);
            end = at + Marker.Length;
            var next = span[end..].IndexOf(Marker);
            at = next < 0 ? -1 : end + next;
        }

        return end;
    }

    /// <summary>"GET /devstoreaccount1/History()?$filter=..." becomes "GET History": the method and the table, queue or container.</summary>
    private static string Resource(string requestLine)
    {
        var parts = requestLine.Split(' ', 2);
        if (parts.Length < 2)
        {
            return "?";
        }

        var target = parts[1];
        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            // Absolute form: drop the scheme and host.
            var slash = target.IndexOf('/', "http://".Length);
            target = slash < 0 ? "/" : target[slash..];
        }

        var path = target.Split('?', 2)[0].TrimStart('/');
        var segments = path.Split('/');
        var name = segments.Length > 1 ? segments[1] : segments[0];
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        return $"{parts[0]} {(paren >= 0 ? name[..paren] : name)}{(segments.Length > 2 ? "/" + segments[2] : "")}";
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
