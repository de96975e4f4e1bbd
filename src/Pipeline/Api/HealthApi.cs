using ServerlessSync.Pipeline.Http;
using ServerlessSync.Pipeline.Ledger;

namespace ServerlessSync.Pipeline.Api;

/// <summary>GET /api/health: storage reachable and the intake queue's depth.</summary>
public sealed class HealthApi(StorageClients storage)
{
    /// <summary>A probe must answer quickly; the storage SDK's own retries would otherwise hold it for half a minute.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public async Task<HttpReply> GetAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            var queue = await storage.QueueAsync(storage.IntakeQueueName).WaitAsync(timeout.Token);
            await storage.TableAsync(OrderLedger.TableName).WaitAsync(timeout.Token);
            var properties = await queue.GetPropertiesAsync(timeout.Token);
            return HttpReply.JsonBody(200, new { status = "healthy", intakeQueue = storage.IntakeQueueName, intakeQueueDepth = properties.Value.ApproximateMessagesCount });
        }
        catch (Azure.RequestFailedException ex)
        {
            return Unhealthy($"storage answered {ex.Status} {ex.ErrorCode}");
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is Azure.RequestFailedException or HttpRequestException))
        {
            return Unhealthy("storage unreachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unhealthy($"storage did not answer within {ProbeTimeout.TotalSeconds:0} s");
        }
    }

    private static HttpReply Unhealthy(string reason) => HttpReply.JsonBody(503, new { status = "unhealthy", reason });
}
