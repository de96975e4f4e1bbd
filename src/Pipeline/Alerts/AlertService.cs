using Azure;
using ServerlessSync.Domain.Alerts;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// Applies the <see cref="AlertPolicy"/> with its state in Tables (ETag compare-and-set, so several workers
/// count one sequence), sends through every configured channel and keeps a log of recent alerts.
/// </summary>
public sealed class AlertService(StorageClients storage, IEnumerable<IAlertChannel> channels, IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertService> logger)
{
    public const string StateTable = "AlertState";
    public const string LogTable = "Alerts";
    private const string StatePartition = "target";

    /// <summary>Keeps an alert log row within the Tables property limit (32K characters).</summary>
    private const int MaxLoggedReasonChars = 8_000;

    private AlertPolicy Policy => new(options.Value.FailureThreshold, TimeSpan.FromMinutes(options.Value.DedupeMinutes));

    /// <returns>True when the alert was sent (not held back by threshold or dedupe).</returns>
    public async Task<bool> RaiseAsync(AlertKind kind, string target, string instanceId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        knownClear.TryRemove(target, out _);
        var before = AlertState.Fresh;
        var decision = await UpdateStateAsync(
            target,
            state =>
            {
                before = state;
                return Policy.OnFailure(state, kind, now);
            },
            cancellationToken);
        if (!decision.Send)
        {
            logger.LogInformation("Alert {Kind} for {Target} held back ({Failures} consecutive failures) for {InstanceId}", kind, target, decision.Next.ConsecutiveFailures, instanceId);
            return false;
        }

        var message = new AlertMessage(kind, target, instanceId, reason, now);
        var log = await storage.TableAsync(LogTable);
        await log.AddEntityAsync(
            new TableEntity("alert", $"{DateTimeOffset.MaxValue.Ticks - now.Ticks:D19}-{Guid.NewGuid():N}")
            {
                ["Kind"] = kind.ToString(), ["Target"] = target, ["InstanceId"] = instanceId, ["At"] = now,
                ["Reason"] = reason.Length > MaxLoggedReasonChars ? reason[..MaxLoggedReasonChars] : reason,
            },
            cancellationToken);

        var configured = channels.Where(c => c.IsConfigured).ToList();
        if (configured.Count == 0)
        {
            logger.LogWarning("Alert {Kind} for {Target} ({InstanceId}) recorded but not sent: no alert channel is configured", kind, target, instanceId);
            return true;
        }

        // Every channel gets its chance: one robot refusing must not keep the others (or e-mail) from telling people.
        var failures = new List<Exception>();
        foreach (var channel in configured)
        {
            try
            {
                await channel.SendAsync(message, cancellationToken);
                logger.LogInformation("Alert {Kind} for {Target} sent via {Channel} for {InstanceId}", kind, target, channel.Name, instanceId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Alert {Kind} for {Target} could not be sent via {Channel} for {InstanceId}", kind, target, channel.Name, instanceId);
                failures.Add(ex);
            }
        }

        if (failures.Count == configured.Count)
        {
            // Nobody was told: the dedupe window must not start, or the retry (and every repeat for the next
            // minutes) would be held back as "already sent".
            await UndoSentAsync(target, now, before.LastSentAt);
        }

        if (failures.Count > 0)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException("Some alert channels refused the alert.", failures);
        }

        return true;
    }

    private async Task UndoSentAsync(string target, DateTimeOffset sentAt, DateTimeOffset? previous)
    {
        try
        {
            await UpdateStateAsync(
                target,
                state => new AlertDecision(false, state.LastSentAt == sentAt ? state with { LastSentAt = previous } : state),
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not reopen the alert window of {Target}", target);
        }
    }

    /// <summary>Targets this process recently saw with no failures counted, so a success need not read their row again.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> knownClear = new();
    private static readonly TimeSpan ClearRecheck = TimeSpan.FromSeconds(10);

    public async Task RecordSuccessAsync(string target, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (knownClear.TryGetValue(target, out var seen) && now - seen < ClearRecheck)
        {
            return;
        }

        var table = await storage.TableAsync(StateTable);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(StatePartition, TableKeys.Sanitize(target), cancellationToken: cancellationToken);
        if (row.HasValue && row.Value?.GetInt32("ConsecutiveFailures") is > 0)
        {
            await UpdateStateAsync(target, state => new AlertDecision(false, AlertPolicy.OnSuccess(state)), cancellationToken);
        }

        knownClear[target] = now;
    }

    private async Task<AlertDecision> UpdateStateAsync(string target, Func<AlertState, AlertDecision> decide, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(StateTable);
        var rowKey = TableKeys.Sanitize(target);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(StatePartition, rowKey, cancellationToken: cancellationToken);
            var existing = row.HasValue ? row.Value : null;
            var state = existing is null
                ? AlertState.Fresh
                : new AlertState(existing.GetInt32("ConsecutiveFailures") ?? 0, existing.GetDateTimeOffset("LastSentAt"));
            var decision = decide(state);
            var entity = new TableEntity(StatePartition, rowKey)
            {
                ["ConsecutiveFailures"] = decision.Next.ConsecutiveFailures,
                ["LastSentAt"] = decision.Next.LastSentAt,
            };
            try
            {
                if (existing is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return decision;
            }
            catch (RequestFailedException ex) when ((ex.Status is 409 or 412) && attempt < 10)
            {
                // Another worker updated the counter; re-read and re-apply.
            }
        }
    }
}
