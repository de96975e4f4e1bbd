using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>When the intake poller may start new orchestrations (section <c>StartAdmission</c>).</summary>
public sealed class StartAdmissionOptions
{
    public const string SectionName = "StartAdmission";

    /// <summary>
    /// New orchestrations start only while fewer messages than this wait in the task hub's control and work-item
    /// queues (0 = no limit). A flood then waits in the intake queue, and the engine works on a bounded set of orders.
    /// </summary>
    public int MaxTaskHubBacklog { get; set; } = 400;

    /// <summary>
    /// While this process's webhooks accept at least this many events a second, starts wait (0 = never), so acks get
    /// the machine's CPU and storage during a live-room flood; the ERP could not take those orders any faster anyway.
    /// </summary>
    public int FloodEventsPerSecond { get; set; } = 100;

    /// <summary>The longest a flood holds starts back; after that they go ahead even while it lasts.</summary>
    public int MaxFloodHoldSeconds { get; set; } = 60;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AtLeast(nameof(MaxTaskHubBacklog), MaxTaskHubBacklog, 0)
            .Concat(SettingRules.AtLeast(nameof(FloodEventsPerSecond), FloodEventsPerSecond, 0))
            .Concat(SettingRules.AtLeast(nameof(MaxFloodHoldSeconds), MaxFloodHoldSeconds, 0));
}
