namespace ServerlessSync.Simulators;

/// <summary>Entry point: <c>serve</c> (default) hosts every simulator; <c>demo</c> plays a burst against a running hub.</summary>
public static class SimulatorCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = command == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args.Skip(1).ToArray();
        switch (command)
        {
            case "serve":
                await SimulatorHost.Build(rest).RunAsync();
                return 0;
            default:
                await Console.Error.WriteLineAsync($"unknown command '{command}'; use serve");
                return 2;
        }
    }
}
