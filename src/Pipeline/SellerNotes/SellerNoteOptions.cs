using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.SellerNotes;

/// <summary>
/// The seller-note write-back (section <c>SellerNotes</c>): the queue is worked every 15 s, a failing note is alerted
/// (SellerNoteFailed) from its 3rd failure and given up after 12; which shops write and in which words is in each mapping profile.
/// </summary>
public sealed class SellerNoteOptions : PlatformWriteBackOptions
{
    public const string SectionName = "SellerNotes";
}
