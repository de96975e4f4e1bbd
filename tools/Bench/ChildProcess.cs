using System.Diagnostics;

namespace ServerlessSync.Bench;

/// <summary>A dotnet process the bench starts (a LocalHost worker or the direct baseline), with its CPU time and peak memory.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Timer sampler;
    private long peakBytes;
    private TimeSpan lastCpu;

    private ChildProcess(Process process, string name, string url)
    {
        this.process = process;
        Name = name;
        Url = url;
        sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
    }

    public string Name { get; }

    public string Url { get; }

    public bool Exited => process.HasExited;

    /// <summary>CPU time (user + system) so far; kept after the process ends.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            Sample();
            return lastCpu;
        }
    }

    public double PeakMemoryMb => Interlocked.Read(ref peakBytes) / (1024.0 * 1024.0);

    public static ChildProcess Start(string name, string dll, string url, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {url}")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        SpawnedProcesses.Track(process);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.Exited += (_, _) => { lock (log) log.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process, name, url);
    }

    public async Task WaitHealthyAsync(string path, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await http.GetAsync(Url + path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy within {timeout.TotalSeconds:0} s.");
    }

    public void Kill()
    {
        Sample();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private void Sample()
    {
        try
        {
            if (process.HasExited)
            {
                return;
            }

            process.Refresh();
            lastCpu = process.TotalProcessorTime;
            var rss = process.WorkingSet64;
            if (rss > Interlocked.Read(ref peakBytes))
            {
                Interlocked.Exchange(ref peakBytes, rss);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the read.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await sampler.DisposeAsync();
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
