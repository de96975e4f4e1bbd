using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace ServerlessSync.Functions.Intake;

/// <summary>
/// Timer trigger for incremental pull by update time (DESIGN §1, step 2). Pull adapters arrive with the platforms
/// work; until then each tick only reports that pull is not configured, as the LocalHost's timer does.
/// </summary>
public sealed class PullOrdersFunction(ILogger<PullOrdersFunction> logger)
{
    public const string Name = "PullOrders";

    /// <summary>Every minute, at second 0 (six-field NCRONTAB).</summary>
    public const string Schedule = "0 */1 * * * *";

    [Function(Name)]
    public void Run([TimerTrigger(Schedule)] TimerInfo timer)
    {
        logger.LogInformation("Pull tick (past due: {PastDue}): no pull adapter is configured yet; push intake only", timer.IsPastDue);
    }
}
