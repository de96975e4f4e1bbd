namespace ServerlessSync.Domain.Platforms.SellerNotes;

public enum SellerNoteStep
{
    /// <summary>The note already carries our text (an earlier try wrote it): nothing to send.</summary>
    AlreadyThere = 0,

    /// <summary>Send <see cref="SellerNotePlan.Text"/>.</summary>
    Write = 1,

    /// <summary>Our text does not fit beside what a person wrote: nothing is sent, <see cref="SellerNotePlan.Reason"/> says why.</summary>
    Skip = 2,
}

/// <summary>
/// What to send so the order's seller note carries our text without losing a person's: the current note is read first;
/// when it already contains our text nothing is sent (a retry never adds it twice); on a platform that replaces the note
/// the person's text is kept and ours follows it; when the result would pass the platform's limit nothing is sent.
/// </summary>
public sealed record SellerNotePlan(SellerNoteStep Step, string? Text, string? Reason)
{
    public const string Separator = " ";

    public static SellerNotePlan For(string? currentNote, string ours, SellerNoteLimit limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ours);
        if (currentNote is not null && currentNote.Contains(ours, StringComparison.Ordinal))
        {
            return new SellerNotePlan(SellerNoteStep.AlreadyThere, null, null);
        }

        var kept = currentNote?.TrimEnd() ?? "";
        var text = limit.Appends || kept.Length == 0 ? ours : kept + Separator + ours;
        var length = limit.LengthOf(text);
        if (limit.MaxLength is { } max && length > max)
        {
            var why = kept.Length == 0 || limit.Appends
                ? $"the note would be {length} {limit.Unit}, over the platform's limit of {max}"
                : $"the shop's own note and ours would be {length} {limit.Unit}, over the platform's limit of {max}; the shop's note is kept as it is";
            return new SellerNotePlan(SellerNoteStep.Skip, null, why);
        }

        return new SellerNotePlan(SellerNoteStep.Write, text, null);
    }
}
