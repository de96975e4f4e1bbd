using System.Diagnostics;
using System.Net.Sockets;

namespace ServerlessSync.Bench;

/// <summary>
/// An Azurite of the bench's own, on free ports; with its data on disk when a scenario stops and restarts it mid-burst,
/// in memory otherwise (<see cref="BenchArguments.AzuriteData"/>).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string executable;
    private readonly string location;
    private readonly bool onDisk;
    private Process? process;
    private TimeSpan cpuBefore;

    public AzuriteProcess(string repositoryRoot, bool onDisk)
    {
        this.onDisk = onDisk;
        executable = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}; run npm ci (scripts/bench does).");
        }

        location = Path.Combine(Path.GetTempPath(), "serverlesssync-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(location);
        (BlobPort, QueuePort, TablePort) = (Ports.Free(), Ports.Free(), Ports.Free());
    }

    /// <summary>CPU the emulator used, over all its starts so far.</summary>
    public TimeSpan CpuTime => cpuBefore + (process is { HasExited: false } ? process.TotalProcessorTime : TimeSpan.Zero);

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public static string ConnectionString(int blob, int queue, int table) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";

    public string DirectConnectionString => ConnectionString(BlobPort, QueuePort, TablePort);

    public async Task StartAsync()
    {
        var data = onDisk ? $"--location {location}" : "--inMemoryPersistence";
        var azuriteArguments = $"--silent --disableTelemetry --skipApiVersionCheck {data} --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --blobPort {BlobPort} --queuePort {QueuePort} --tablePort {TablePort}";

        // BENCH_AZURITE_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the emulator (Node refuses these in NODE_OPTIONS).
        var nodeOptions = Environment.GetEnvironmentVariable("BENCH_AZURITE_NODE_OPTIONS");
        var info = string.IsNullOrWhiteSpace(nodeOptions)
            ? new ProcessStartInfo(executable, azuriteArguments)
            : new ProcessStartInfo("node", $"{nodeOptions} {executable} {azuriteArguments}");
        info = new ProcessStartInfo(info.FileName, info.Arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
        SpawnedProcesses.Track(process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Ports.Listening(BlobPort) && Ports.Listening(QueuePort) && Ports.Listening(TablePort)))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                throw new InvalidOperationException("Azurite did not start listening within 30 s.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops Azurite the way an operator would (SIGTERM), so it flushes its data to disk; only if it does not exit
    /// within 15 s is it killed. A SIGKILL would lose what Azurite had not yet saved, which is not the scenario.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            cpuBefore += process.TotalProcessorTime;
            using (var term = Process.Start("kill", $"-TERM {process.Id}"))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
