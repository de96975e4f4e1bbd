using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessSync.Bench;

/// <summary>What the poison/redrive chaos run saw: messages poisoned while the task hub's storage was down, the alert, the redrive.</summary>
public sealed record PoisonChaosReport(int Poisoned, int Redriven, bool Alerted);

/// <summary>
/// <c>poison-redrive</c>: the task hub's storage goes away for <see cref="Outage"/> mid-burst while the workers allow a
/// single transient put-back and two tries per message, so intake messages that could not start their runs reach
/// <c>orders-intake-poison</c>. Pull is off, so nothing but the redrive can bring those orders in. After the storage is back
/// the run waits for the poison queue to settle, checks the <c>IntakePoisoned</c> alert and redrives through the documented
/// route; the audit then has to find every order in the ERP once.
/// </summary>
public static class PoisonChaos
{
    public const string Name = "poison-redrive";

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(3);

    public static void Configure(IDictionary<string, string> environment, string shopId)
    {
        environment["Intake__MaxTransientRetries"] = "1";
        environment["Intake__TransientRetryFirstDelaySeconds"] = "1";
        environment["Intake__TransientRetryMaxDelaySeconds"] = "1";
        environment["Intake__MaxDequeueCount"] = "2";
        environment["Intake__VisibilityTimeoutSeconds"] = "5";
        environment[$"Platforms__Douyin__Shops__{shopId}__PullEnabled"] = "false";
    }

    /// <param name="storage">The account whose outage starves run starts: the task hub's own when it has one.</param>
    public static async Task<PoisonChaosReport> RunAsync(BenchStorage storage, string hubUrl, TextWriter progress)
    {
        await progress.WriteLineAsync($"[chaos] stopping the {storage.Name} Azurite for {Outage.TotalSeconds:0} s");
        await storage.Azurite.StopAsync();
        await Task.Delay(Outage);
        await storage.Azurite.StartAsync();
        await progress.WriteLineAsync($"[chaos] {storage.Name} Azurite back; waiting for the poison queue to settle");

        using var http = new HttpClient { BaseAddress = new Uri(hubUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Admin-Token", BurstRunner.HubAdminToken);
        var deadline = DateTime.UtcNow + SettleLimit;
        int poisoned = -1, stableFor = 0;
        while (DateTime.UtcNow < deadline && stableFor < 5)
        {
            await Task.Delay(2000);
            var count = (await http.GetFromJsonAsync<JsonElement>("/api/intake/poison")).GetProperty("approximateMessages").GetInt32();
            stableFor = count == poisoned && count > 0 ? stableFor + 1 : 0;
            poisoned = count;
        }

        var alerts = await http.GetStringAsync("/api/alerts/recent?limit=50");
        var alerted = alerts.Contains("intake:poison", StringComparison.Ordinal);
        var redriven = 0;
        for (var call = 0; call < 20; call++)
        {
            using var response = await http.PostAsync("/api/intake/poison/redrive?reason=bench%20chaos", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            redriven += answer.GetProperty("redriven").GetInt32();
            if (answer.GetProperty("left").GetInt32() == 0)
            {
                break;
            }
        }

        await progress.WriteLineAsync($"[chaos] {poisoned} intake messages were poisoned (alert raised: {alerted}); {redriven} redriven");
        return new PoisonChaosReport(Math.Max(0, poisoned), redriven, alerted);
    }
}
