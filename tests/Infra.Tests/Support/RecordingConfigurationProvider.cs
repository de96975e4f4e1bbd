using Microsoft.Extensions.Configuration;

namespace ServerlessSync.Infra.Tests.Support;

/// <summary>
/// A configuration provider that remembers every key the code asks for (a value read) and every section whose children
/// it lists (an object or dictionary being bound), so the test learns what the code reads by running it.
/// </summary>
public sealed class RecordingConfigurationProvider(IDictionary<string, string?> values) : ConfigurationProvider, IConfigurationSource
{
    private readonly object gate = new();
    private readonly HashSet<string> readKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> listedSections = new(StringComparer.OrdinalIgnoreCase);

    public override void Load() => Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public override bool TryGet(string key, out string? value)
    {
        lock (gate)
        {
            readKeys.Add(key);
        }

        return base.TryGet(key, out value);
    }

    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        if (parentPath is not null)
        {
            lock (gate)
            {
                listedSections.Add(parentPath);
            }
        }

        return base.GetChildKeys(earlierKeys, parentPath);
    }

    /// <summary>Forgets what was recorded so far, to attribute the next reads to one piece of code.</summary>
    public void Reset()
    {
        lock (gate)
        {
            readKeys.Clear();
            listedSections.Clear();
        }
    }

    public (HashSet<string> ReadKeys, HashSet<string> ListedSections) Snapshot()
    {
        lock (gate)
        {
            return (new(readKeys, StringComparer.OrdinalIgnoreCase), new(listedSections, StringComparer.OrdinalIgnoreCase));
        }
    }
}
