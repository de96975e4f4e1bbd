namespace ServerlessSync.Pipeline.Sync;

/// <summary>Event names the hub itself puts on the intake queue (platform events carry the platform's own names).</summary>
public static class SyncEvents
{
    /// <summary>A person asked to sync one order again.</summary>
    public const string Resync = "resync";

    /// <summary>A person released quarantined or held orders after fixing the mapping or reviewing them.</summary>
    public const string Release = "release";

    /// <summary>The pull timer found the order changed.</summary>
    public const string Pull = "pull";
}
