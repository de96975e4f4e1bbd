using System.Text.Json;
using Azure.Storage.Blobs.Models;

namespace ServerlessSync.Pipeline.Intake;

/// <summary>
/// The claim check of intake (DESIGN 1.3): the raw bodies of one batch as one blob, a JSON array of strings in the
/// order of the batch's events. Its container sits next to the intake queue (<see cref="IntakeQueueNames.Bodies"/>).
/// </summary>
public sealed class IntakeBodyStore(StorageClients storage)
{
    /// <summary>Writes the bodies once; a batch id is never reused, so an existing blob is an error, not something to overwrite.</summary>
    public async Task WriteAsync(IntakeBatch batch, IReadOnlyList<string> rawBodies, CancellationToken cancellationToken)
    {
        if (rawBodies.Count != batch.Events.Count)
        {
            throw new ArgumentException($"batch {batch.Id} has {batch.Events.Count} events but {rawBodies.Count} bodies", nameof(rawBodies));
        }

        var container = await storage.ContainerAsync(IntakeQueueNames.Bodies(storage.IntakeQueueName));
        var content = BinaryData.FromObjectAsJson(rawBodies, IntakeMessage.Json);
        await container.GetBlobClient(batch.BodiesBlobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All },
        }, cancellationToken);
    }

    /// <exception cref="Azure.RequestFailedException">404: no bodies were stored for that batch.</exception>
    /// <exception cref="InvalidDataException">The blob does not hold a body at that index.</exception>
    public async Task<string> ReadAsync(string batchId, int index, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(IntakeQueueNames.Bodies(storage.IntakeQueueName));
        var content = (await container.GetBlobClient(IntakeBatch.BodiesBlobNameOf(batchId)).DownloadContentAsync(cancellationToken)).Value.Content;
        var bodies = content.ToObjectFromJson<string[]>(IntakeMessage.Json);
        return bodies is not null && index >= 0 && index < bodies.Length
            ? bodies[index]
            : throw new InvalidDataException($"the bodies of batch {batchId} have no entry {index}");
    }
}
