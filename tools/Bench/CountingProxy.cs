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
                    var window = carry.Concat(buffer.Take(read)).ToArray();
                    Interlocked.Add(ref requests, Occurrences(window));
                    carry = window.Length >= Marker.Length - 1 ? window[^(Marker.Length - 1)..] : window;
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

    private static int Occurrences(byte[] data)
    {
        var n = 0;
        for (var i = data.AsSpan().IndexOf(Marker); i >= 0;)
        {
            n++;
            var next = data.AsSpan(i + Marker.Length).IndexOf(Marker);
            i = next < 0 ? -1 : i + Marker.Length + next;
        }

        return n;
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
