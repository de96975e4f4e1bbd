using System.Text;

namespace ServerlessSync.Pipeline.Stats;

/// <summary>Which counter partition an order belongs to: a stable hash (FNV-1a), the same in every process and after restarts.</summary>
public static class StatsShards
{
    public static string PartitionOf(string instanceId, int shards) => Partition(Index(instanceId, shards));

    public static string Partition(int shard) => $"s{shard:D3}";

    public static int Index(string instanceId, int shards)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(instanceId))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)Math.Max(1, shards));
    }
}
