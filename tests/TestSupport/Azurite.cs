using System.Diagnostics;
using System.Net.Sockets;

namespace ServerlessSync.TestSupport;

/// <summary>
/// Makes sure Azurite listens on its default loopback ports. <c>scripts/test</c> starts it before the suite;
/// when a test runs on its own (an IDE, <c>dotnet test</c>) the first test that needs storage starts the
/// repository's npm-installed Azurite in memory and leaves it for the rest of the run.
/// </summary>
public static class Azurite
{
    public const string ConnectionString = "UseDevelopmentStorage=true";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Process? started;

    public static async Task<string> EnsureRunningAsync()
    {
        if (IsListening(10000) && IsListening(10001) && IsListening(10002))
        {
            return ConnectionString;
        }

        await Gate.WaitAsync();
        try
        {
            if (!(IsListening(10000) && IsListening(10001) && IsListening(10002)))
            {
                started ??= Start();
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (!(IsListening(10000) && IsListening(10001) && IsListening(10002)))
                {
                    if (DateTime.UtcNow > deadline || started.HasExited)
                    {
                        throw new InvalidOperationException("Azurite did not start; run `npm ci` in the repository root (scripts/test does this).");
                    }

                    await Task.Delay(200);
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        return ConnectionString;
    }

    /// <summary>A name unique to this test run, valid for tables (letters and digits, starts with a letter) and queues (lower case).</summary>
    public static string UniqueName(string prefix) => (prefix + Guid.NewGuid().ToString("N")[..12]).ToLowerInvariant();

    private static Process Start()
    {
        var azurite = Path.Combine(RepositoryRoot(), "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}; run `npm ci` in the repository root.");
        }

        var info = new ProcessStartInfo(azurite, "--silent --disableTelemetry --inMemoryPersistence --skipApiVersionCheck --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        };
        return process;
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ServerlessSync.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find the repository root (ServerlessSync.sln).");
    }

    private static bool IsListening(int port)
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
