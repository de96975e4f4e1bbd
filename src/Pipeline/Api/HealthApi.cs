using ServerlessSync.Pipeline.Ledger;
using ServerlessSync.Pipeline.Storage;

namespace ServerlessSync.Pipeline.Api;

/// <summary>GET /api/health: storage reachable and the intake queue's depth.</summary>
public sealed class HealthApi(StorageClients storage)
{
    public async Task<HttpReply> GetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.TableAsync(OrderLedger.TableName);
            var queue = await storage.QueueAsync(storage.IntakeQueueName);
            var properties = await queue.GetPropertiesAsync(cancellationToken);
            return HttpReply.JsonBody(200, new { status = "healthy", intakeQueue = storage.IntakeQueueName, intakeQueueDepth = properties.Value.ApproximateMessagesCount });
        }
        catch (Azure.RequestFailedException ex)
        {
            return HttpReply.JsonBody(503, new { status = "unhealthy", reason = $"storage unavailable: {ex.Status} {ex.ErrorCode}" });
        }
    }
}
