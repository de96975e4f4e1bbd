namespace ServerlessSync.Pipeline.Tests.Erp.Batching;

/// <summary>Real create markers on the shared Azurite, in tables unique to one test.</summary>
internal static class ErpTestStorage
{
    public static ErpCreateMarkers Markers() => new(new StorageClients(Options.Create(new StorageOptions
    {
        ConnectionString = Azurite.ConnectionString,
        TablePrefix = Azurite.UniqueName("t"),
        IntakeQueueName = Azurite.UniqueName("q"),
    })));

    public static IOptions<ErpCommitOptions> Commit(int horizonSeconds = 120) => Options.Create(new ErpCommitOptions { CommitHorizonSeconds = horizonSeconds });
}
