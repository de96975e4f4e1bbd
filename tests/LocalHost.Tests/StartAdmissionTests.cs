using System.Net.Sockets;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSync.LocalHost.Hosted;
using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.LocalHost.Tests;

/// <summary>When the intake poller may take the next messages: not during a flood (bounded), not while the task hub is full.</summary>
public sealed class StartAdmissionTests
{
    [Fact]
    public void The_flood_meter_counts_the_last_second_only()
    {
        var clock = new SettableClock();
        var meter = new IntakeFloodMeter(clock);
        meter.Record(50);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        meter.Record(60);
        Assert.Equal(110, meter.EventsInLastSecond());
        clock.Advance(TimeSpan.FromMilliseconds(600));
        Assert.Equal(60, meter.EventsInLastSecond());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, meter.EventsInLastSecond());
    }

    [Fact]
    public async Task Starts_wait_while_a_flood_is_acked_and_go_when_it_ends()
    {
        var clock = new SettableClock();
        var meter = new IntakeFloodMeter(clock);
        var admission = Admission(clock, meter, new StartAdmissionOptions { FloodEventsPerSecond = 100, MaxFloodHoldSeconds = 60, MaxTaskHubBacklog = 0 });
        meter.Record(500);

        var waiting = admission.WaitAsync(CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "a start went ahead during the flood");

        clock.Advance(TimeSpan.FromSeconds(2)); // no events for two seconds: the flood is over
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_long_flood_holds_starts_back_no_longer_than_the_limit()
    {
        var clock = new SettableClock();
        var meter = new IntakeFloodMeter(clock);
        var admission = Admission(clock, meter, new StartAdmissionOptions { FloodEventsPerSecond = 100, MaxFloodHoldSeconds = 5, MaxTaskHubBacklog = 0 });
        meter.Record(500);
        var waiting = admission.WaitAsync(CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        // The flood goes on (a fresh burst every step), but the hold ends after 5 s.
        for (var i = 0; i < 20 && !waiting.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            meter.Record(500);
            await Task.WhenAny(waiting, Task.Delay(150));
        }

        // Past the limit on the clock: the wait ends at its next look, however slow this machine is right now.
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Starts_wait_while_the_task_hub_queues_hold_the_backlog_limit()
    {
        var connection = await Azurite.EnsureRunningAsync();
        var hub = "adm" + Guid.NewGuid().ToString("N")[..10];
        var durable = new DurableTaskOptions { HubName = hub, PartitionCount = 2, ConnectionString = connection };
        var control = new QueueClient(connection, $"{hub}-control-01");
        var workItems = new QueueClient(connection, $"{hub}-workitems");
        await control.CreateAsync();
        await workItems.CreateAsync();
        try
        {
            var clock = new SettableClock();
            var backlog = new TaskHubBacklog(Options.Create(durable), Options.Create(new StorageOptions()), clock);
            Assert.Equal(0, await backlog.CountAsync(CancellationToken.None)); // control-00 does not exist yet: counted as empty

            await control.SendMessageAsync("m1");
            await workItems.SendMessageAsync("m2");
            await workItems.SendMessageAsync("m3");
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(3, await backlog.CountAsync(CancellationToken.None));

            var admission = new StartAdmission(backlog, new IntakeFloodMeter(clock), Options.Create(new StartAdmissionOptions { MaxTaskHubBacklog = 3, FloodEventsPerSecond = 0 }), NullLogger<StartAdmission>.Instance, clock);
            var waiting = admission.WaitAsync(CancellationToken.None);
            await Task.Delay(400);
            Assert.False(waiting.IsCompleted, "a start went ahead with the backlog at its limit");

            await workItems.ClearMessagesAsync();
            clock.Advance(TimeSpan.FromSeconds(1));
            await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            await control.DeleteIfExistsAsync();
            await workItems.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task While_the_task_hub_storage_is_down_starts_are_admitted_instead_of_the_poller_stopping()
    {
        var down = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:{FreePort.Next()}/devstoreaccount1;";
        var clock = new SettableClock();
        var backlog = new TaskHubBacklog(Options.Create(new DurableTaskOptions { HubName = "down", PartitionCount = 1, ConnectionString = down }), Options.Create(new StorageOptions()), clock);
        var admission = new StartAdmission(backlog, new IntakeFloodMeter(clock), Options.Create(new StartAdmissionOptions { MaxTaskHubBacklog = 3, FloodEventsPerSecond = 0 }), NullLogger<StartAdmission>.Instance, clock);

        await admission.WaitAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_backlog_read_the_storage_refuses_is_asked_once_per_queue_and_not_retried()
    {
        using var storage = new BusyStorage();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:{storage.Port}/devstoreaccount1;";
        var backlog = new TaskHubBacklog(Options.Create(new DurableTaskOptions { HubName = "busy", PartitionCount = 2, ConnectionString = connection }), Options.Create(new StorageOptions()), TimeProvider.System);

        var refused = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => backlog.CountAsync(CancellationToken.None));

        Assert.Equal(503, refused.Status);
        Assert.Equal(3, storage.Requests); // control-00, control-01 and workitems, each asked once
    }

    private static StartAdmission Admission(SettableClock clock, IntakeFloodMeter meter, StartAdmissionOptions options)
    {
        var backlog = new TaskHubBacklog(Options.Create(new DurableTaskOptions()), Options.Create(new StorageOptions()), clock);
        return new StartAdmission(backlog, meter, Options.Create(options), NullLogger<StartAdmission>.Instance, clock);
    }

    /// <summary>A storage endpoint that answers every request 503 (server busy, which the SDK would retry) and counts them.</summary>
    private sealed class BusyStorage : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int requests;

        public BusyStorage()
        {
            listener.Start();
            _ = ServeAsync();
        }

        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        public int Requests => Volatile.Read(ref requests);

        public void Dispose() => listener.Stop();

        private async Task ServeAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync();
                }
                catch (ObjectDisposedException)
                {
                    return; // the test is over and stopped the listener
                }

                _ = AnswerAsync(client);
            }
        }

        private async Task AnswerAsync(TcpClient client)
        {
            using (client)
            {
                var stream = client.GetStream();
                var buffer = new byte[8192];
                var head = new StringBuilder();
                while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await stream.ReadAsync(buffer);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                Interlocked.Increment(ref requests);
                await stream.WriteAsync("HTTP/1.1 503 Server Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
            }
        }
    }

    /// <summary>Wall-clock time that moves only when told; delays still run on real timers.</summary>
    private sealed class SettableClock : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 11, 20, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
