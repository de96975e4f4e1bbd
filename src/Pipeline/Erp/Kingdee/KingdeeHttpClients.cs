namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>The two named HTTP clients: reads may be retried, writes never (a retried Save could double an order).</summary>
public static class KingdeeHttpClients
{
    public const string Read = "Kingdee.Read";
    public const string Write = "Kingdee.Write";
}
