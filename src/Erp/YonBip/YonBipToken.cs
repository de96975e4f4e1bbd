namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>An access token and when to stop using it (some time before it expires).</summary>
internal sealed record YonBipToken(string Value, DateTimeOffset RenewAt)
{
    // The token must never reach a log through the record's generated ToString.
    public override string ToString() => $"YonBipToken {{ RenewAt = {RenewAt:O} }}";
}
