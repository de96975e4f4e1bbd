using Microsoft.DurableTask;
using ServerlessSync.Pipeline.Alerts;

namespace ServerlessSync.Pipeline.Sync.Activities;

/// <summary>Raises an alert through the policy (threshold, dedupe) and the configured channels.</summary>
public sealed class SendAlertActivity(AlertService alerts) : TaskActivity<AlertRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, AlertRequest input) =>
        alerts.RaiseAsync(input.Kind, input.Target, input.InstanceId, input.Reason, CancellationToken.None);
}
