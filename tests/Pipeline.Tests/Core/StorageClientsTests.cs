using System.Net.Sockets;

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>
/// A loopback TCP relay in front of Azurite's table endpoint that can refuse requests (answering 403) while
/// "down", to show how the clients behave when storage fails and then comes back.
/// </summary>
internal sealed class TableRelay : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();

    public TableRelay()
    {
        listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public volatile bool Down;

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Down ? RefuseAsync(client) : RelayAsync(client);
        }
    }

    private static async Task RefuseAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var seen = new StringBuilder();
            var buffer = new byte[8192];
            while (!seen.ToString().Contains("\r\n\r\n"))
            {
                var n = await stream.ReadAsync(buffer);
                if (n == 0)
                {
                    return;
                }

                seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
            }

            var head = seen.ToString();
            var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)).Select(l => int.Parse(l[15..].Trim())).FirstOrDefault();
            var bodyRead = Encoding.ASCII.GetByteCount(head[(head.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
            while (bodyRead < length)
            {
                var n = await stream.ReadAsync(buffer);
                if (n == 0)
                {
                    break;
                }

                bodyRead += n;
            }

            await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            await upstream.ConnectAsync(IPAddress.Loopback, 10002);
            var a = client.GetStream().CopyToAsync(upstream.GetStream(), stop.Token);
            var b = upstream.GetStream().CopyToAsync(client.GetStream(), stop.Token);
            try
            {
                await Task.WhenAny(a, b);
            }
            catch (Exception)
            {
                // connection closed
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
    }
}

public class StorageClientsTests
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public async Task Tables_and_queues_are_created_on_first_use_with_the_prefix()
    {
        var storage = await CoreStorage.CreateAsync();

        var table = await storage.TableAsync("Orders");
        var queue = await storage.QueueAsync(storage.IntakeQueueName);

        Assert.StartsWith("t", table.Name);
        Assert.EndsWith("Orders", table.Name);
        Assert.Same(table, await storage.TableAsync("Orders"));
        Assert.True((await queue.ExistsAsync()).Value);
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
    }

    [Fact]
    public void Missing_configuration_is_a_clear_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new StorageClients(Options.Create(new StorageOptions())));
        Assert.Contains("Storage:ConnectionString", ex.Message);
    }

    [Fact]
    public async Task A_failed_table_creation_is_not_remembered_once_storage_answers_again()
    {
        await Azurite.EnsureRunningAsync();
        using var relay = new TableRelay { Down = true };
        var storage = new StorageClients(Options.Create(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
                $"TableEndpoint=http://127.0.0.1:{relay.Port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;",
            TablePrefix = Azurite.UniqueName("t"),
        }));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => storage.TableAsync("Inbox"));
        Assert.Equal(403, failure.Status);

        relay.Down = false;
        var table = await storage.TableAsync("Inbox");
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
    }
}
