using System.Globalization;
using ServerlessSync.Domain.Platforms.Kuaishou;
using ServerlessSync.Domain.Platforms.SellerNotes;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

/// <summary>
/// Adds a seller note with 快手 <c>open.seller.order.note.add</c> (<c>orderId</c> as a JSON number, <c>note</c> at most 200
/// characters; loop.md §1). The order keeps a list of notes (<c>orderNote.orderNoteInfo[]</c>), so ours is sent alone
/// and the notes a person wrote stay as they are.
/// </summary>
public sealed class KuaishouSellerNoteWriter(
    HttpClient http,
    IOptions<KuaishouOptions> options,
    ILogger<KuaishouSellerNoteWriter>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformSellerNoteWriter
{
    public const string HttpClientName = "platform-kuaishou-note";
    public const int MaxNoteChars = 200;

    private readonly ILogger logger = logger ?? NullLogger<KuaishouSellerNoteWriter>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Kuaishou;

    public SellerNoteLimit Limit { get; } = new(MaxNoteChars, Appends: true);

    public async Task WriteAsync(OrderKey key, string? currentNote, string note, CancellationToken cancellationToken)
    {
        const string method = KuaishouApiMethods.SellerNoteAdd;
        if (!long.TryParse(key.OrderId, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
        {
            throw new PlatformRequestException($"Kuaishou order id {key.OrderId} of {key.InstanceId} is not an integer.");
        }

        await KuaishouGateway.WriteAsync(
            http, options.Value, key.ShopId, method, new SellerNoteParams(orderId, note), time.GetUtcNow(), key.InstanceId, logger, cancellationToken);
    }

    /// <summary>Serialized with the API's camelCase names; <c>orderId</c> stays a 64-bit integer.</summary>
    private sealed record SellerNoteParams(
        [property: System.Text.Json.Serialization.JsonPropertyName("orderId")] long OrderId,
        [property: System.Text.Json.Serialization.JsonPropertyName("note")] string Note);
}
