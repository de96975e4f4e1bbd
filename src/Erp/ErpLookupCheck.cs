namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// Trusts no look-up blindly: every document an ERP look-up returns must carry exactly the platform order number that
/// was asked for (as the ERP's own answer states it). A gateway that ignored the filter, a LIKE where an equality was
/// meant, or a custom field someone reused would otherwise make another order's document look like ours, and a
/// reversal would then close the wrong one. Documents that do not match are ignored and logged (numbers only, no
/// buyer data). All four connectors filter their single and batch look-ups through here.
/// </summary>
public static class ErpLookupCheck
{
    /// <summary>Whether the document carries exactly this platform order number.</summary>
    public static bool IsFor(ErpOrderRef document, string externalOrderNo)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ExternalOrderNo is { Length: > 0 } carried && string.Equals(carried, externalOrderNo, StringComparison.Ordinal);
    }

    /// <summary>The documents of a single look-up for <paramref name="asked"/> that carry it; the others are logged and dropped.</summary>
    public static IReadOnlyList<ErpOrderRef> Matching(string erpKind, string asked, IEnumerable<ErpOrderRef> documents, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var kept = new List<ErpOrderRef>();
        foreach (var document in documents)
        {
            if (IsFor(document, asked))
            {
                kept.Add(document);
            }
            else
            {
                ErpLookupLog.Mismatch(logger, erpKind, document.Number, asked, document.ExternalOrderNo ?? "(none)");
            }
        }

        return kept;
    }

    /// <summary>
    /// The document a single look-up for <paramref name="asked"/> found: of those that carry the number
    /// (<see cref="Matching"/>), the one the ERP's own rule picks; when the ERP holds more than one for the order, the count
    /// and the one kept are logged.
    /// </summary>
    public static ErpOrderRef? Existing(
        string erpKind, string asked, IEnumerable<ErpOrderRef> documents, Func<IReadOnlyList<ErpOrderRef>, ErpOrderRef?> pick, ILogger logger) =>
        Picked(erpKind, asked, Matching(erpKind, asked, documents, logger), pick, logger);

    /// <summary>The one of <paramref name="matching"/> (all carrying <paramref name="asked"/>) the ERP's rule picks; more than one is logged.</summary>
    public static ErpOrderRef? Picked(
        string erpKind, string asked, IReadOnlyList<ErpOrderRef> matching, Func<IReadOnlyList<ErpOrderRef>, ErpOrderRef?> pick, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pick);
        var existing = pick(matching);
        if (matching.Count > 1 && existing is not null)
        {
            ErpConnectorLog.DuplicateOrders(logger, erpKind, matching.Count, asked, existing.Number);
        }

        return existing;
    }

    /// <summary>
    /// The documents of a many-order look-up, grouped by the platform order number they carry, keeping only numbers that
    /// were asked for; documents carrying no number or one nobody asked for are logged and dropped.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ErpOrderRef>> MatchingMany(
        string erpKind, IReadOnlyCollection<string> asked, IEnumerable<ErpOrderRef> documents, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(documents);
        var wanted = asked.ToHashSet(StringComparer.Ordinal);
        var byNumber = new Dictionary<string, List<ErpOrderRef>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            if (document.ExternalOrderNo is not { Length: > 0 } carried || !wanted.Contains(carried))
            {
                ErpLookupLog.Unasked(logger, erpKind, document.Number, document.ExternalOrderNo ?? "(none)", wanted.Count);
                continue;
            }

            if (!byNumber.TryGetValue(carried, out var list))
            {
                byNumber[carried] = list = [];
            }

            list.Add(document);
        }

        return byNumber.ToDictionary(p => p.Key, p => (IReadOnlyList<ErpOrderRef>)p.Value, StringComparer.Ordinal);
    }
}

internal static partial class ErpLookupLog
{
    [LoggerMessage(EventId = 4910, Level = LogLevel.Warning,
        Message = "{Erp} look-up for platform order {Asked} returned document {Document} carrying {Carried}; ignored")]
    public static partial void Mismatch(ILogger logger, string erp, string document, string asked, string carried);

    [LoggerMessage(EventId = 4911, Level = LogLevel.Warning,
        Message = "{Erp} look-up for {Asked} platform orders returned document {Document} carrying {Carried}, which was not asked for; ignored")]
    public static partial void Unasked(ILogger logger, string erp, string document, string carried, int asked);
}
