namespace ServerlessSync.HubTestSupport;

public static class RobotReceiverExtensions
{
    /// <summary>Alerts are sent by the activity after the ledger write-back: wait until <paramref name="count"/> arrived (or the time is up).</summary>
    public static async Task WaitForMessagesAsync(this RobotReceiver robot, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (robot.Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        // Anything more would arrive right behind; a short grace period lets a wrong extra message show up.
        await Task.Delay(500);
    }
}
