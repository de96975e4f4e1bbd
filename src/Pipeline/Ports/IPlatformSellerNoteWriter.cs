using ServerlessSync.Domain.Platforms.SellerNotes;

namespace ServerlessSync.Pipeline.Ports;

/// <summary>Writes the seller's note of one platform order through the platform's documented note API.</summary>
public interface IPlatformSellerNoteWriter
{
    /// <summary>The platform name (see <see cref="PlatformNames"/>).</summary>
    string Platform { get; }

    /// <summary>The documented length limit and whether the API adds beside the existing note or replaces it.</summary>
    SellerNoteLimit Limit { get; }

    /// <summary>Sends <paramref name="note"/>; <paramref name="currentNote"/> is the note read just before (淘宝 adds a first memo and updates an existing one).</summary>
    /// <exception cref="PlatformTransientException">Network failure, 5xx or throttling: worth retrying.</exception>
    /// <exception cref="PlatformRequestException">The platform refused the request.</exception>
    Task WriteAsync(OrderKey key, string? currentNote, string note, CancellationToken cancellationToken);
}
