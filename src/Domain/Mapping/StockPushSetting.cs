namespace ServerlessSync.Domain.Mapping;

/// <summary>
/// A shop's stock push (mapping profile <c>stockPush</c>): whether the ERP's available stock of its mapped SKUs is set on the
/// platform, and the safety buffer held back from the platform per SKU (<see cref="Buffers"/>, keyed like <c>skus</c> and
/// <c>combos</c>) or for every other SKU (<see cref="DefaultBuffer"/>). Off unless the profile turns it on: pushing replaces
/// the stock a person keeps on the platform.
/// </summary>
public sealed record StockPushSetting(bool Enabled = false, int DefaultBuffer = 0, IReadOnlyDictionary<string, int>? Buffers = null)
{
    public static readonly StockPushSetting Off = new();

    /// <summary>The units held back from the platform for the SKU or combo mapped under <paramref name="mapKey"/>.</summary>
    public int BufferFor(string mapKey) => Buffers is not null && Buffers.TryGetValue(mapKey, out var buffer) ? buffer : DefaultBuffer;

    public IEnumerable<ProfileError> Problems(MappingProfile profile)
    {
        if (DefaultBuffer < 0)
        {
            yield return new ProfileError("$.stockPush.defaultBuffer", "must be zero or more");
        }

        foreach (var (key, buffer) in Buffers ?? new Dictionary<string, int>())
        {
            var path = $"$.stockPush.buffers['{key}']";
            if (buffer < 0)
            {
                yield return new ProfileError(path, "must be zero or more");
            }

            if (profile.Skus?.ContainsKey(key) != true && profile.Combos?.ContainsKey(key) != true)
            {
                yield return new ProfileError(path, "names no SKU of skus or combos");
            }
        }
    }
}
