namespace ServerlessSync.Domain.Erp;

/// <summary>
/// What the hub recorded about its last create of one platform order: when it was sent, and whether the ERP answered
/// it (any answer: created, refused, an error status). A create that got no answer may still commit later.
/// </summary>
public sealed record ErpCreateMarker(DateTimeOffset SentAt, bool Answered);

/// <summary>
/// A late commit made harmless (issue 14, item 1): an ERP may commit a create after the hub stopped waiting for it
/// (client timeout, dropped connection, a worker that died mid-call). Until the ERP's commit horizon has passed since
/// that unanswered create, a look-up that finds nothing proves nothing, so no second create is sent and no
/// "cancelled before the ERP" is concluded; once a look-up has started after the horizon, its answer is conclusive.
/// </summary>
public static class ErpCommitHorizon
{
    /// <summary>
    /// Null when a look-up that started at <paramref name="lookedUpAt"/> and found nothing is conclusive; otherwise the
    /// moment after which a new look-up will be.
    /// </summary>
    public static DateTimeOffset? InconclusiveUntil(ErpCreateMarker? marker, DateTimeOffset lookedUpAt, TimeSpan horizon)
    {
        if (marker is null || marker.Answered)
        {
            return null;
        }

        var conclusiveFrom = marker.SentAt + horizon;
        return lookedUpAt < conclusiveFrom ? conclusiveFrom : null;
    }
}
