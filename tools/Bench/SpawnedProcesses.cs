using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ServerlessSync.Bench;

/// <summary>
/// Every process the bench starts (Azurite, hub workers, the direct server), so that stopping the bench with Ctrl+C or
/// SIGTERM takes them down too instead of leaving emulators and workers running on the machine.
/// </summary>
public static class SpawnedProcesses
{
    private static readonly List<Process> Running = [];
    private static readonly List<PosixSignalRegistration> Handlers = [];

    public static void Track(Process process)
    {
        lock (Running)
        {
            Running.Add(process);
        }
    }

    public static void KillAllOnSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            Handlers.Add(PosixSignalRegistration.Create(signal, context =>
            {
                Console.Error.WriteLine($"bench: {context.Signal}; stopping the processes it started");
                KillAll();
                context.Cancel = false;
            }));
        }
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running)
            {
                try
                {
                    if (!process.HasExited)
                    {
                        process.Kill(entireProcessTree: true);
                    }
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }
    }
}
