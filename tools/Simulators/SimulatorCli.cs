using System.Text.Json;
using ServerlessSync.Simulators.Demo;

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
            case "demo":
                return await RunDemoAsync(rest);
            default:
                await Console.Error.WriteLineAsync($"unknown command '{command}'; use serve or demo");
                return 2;
        }
    }

    private static async Task<int> RunDemoAsync(string[] args)
    {
        DemoArguments arguments;
        try
        {
            arguments = DemoArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"demo: {ex.Message}");
            return 2;
        }

        var summary = await new DemoCommand(arguments, Console.Error).RunAsync(CancellationToken.None);
        if (arguments.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        }
        else
        {
            Console.WriteLine($"sent {summary.Sent}, acked {summary.Acked}, synced {summary.Synced}, pending stock {summary.PendingStock}, " +
                $"quarantined {summary.Quarantined}, failed {summary.Failed}, ERP orders {summary.ErpOrders}, ERP duplicates {summary.ErpDuplicates}, lost {summary.Lost}");
        }

        return summary.Lost == 0 && summary.ErpDuplicates == 0 ? 0 : 1;
    }
}
