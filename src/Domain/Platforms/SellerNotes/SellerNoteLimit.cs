using System.Text;

namespace ServerlessSync.Domain.Platforms.SellerNotes;

/// <summary>How a platform's seller-note API treats the text it is sent.</summary>
/// <param name="MaxLength">The documented maximum, or null when none is documented.</param>
/// <param name="InUtf8Bytes">The maximum counts UTF-8 bytes (淘宝 memo) rather than characters.</param>
/// <param name="Appends">The API adds a note beside the existing ones (快手 keeps a list) instead of replacing the note.</param>
public sealed record SellerNoteLimit(int? MaxLength, bool InUtf8Bytes = false, bool Appends = false)
{
    public int LengthOf(string text) => InUtf8Bytes ? Encoding.UTF8.GetByteCount(text) : text.Length;

    public string Unit => InUtf8Bytes ? "bytes" : "characters";
}
