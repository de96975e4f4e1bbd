namespace ServerlessSync.Pipeline.Erp.Kingdee;

/// <summary>The two named HTTP clients: reads may be retried, writes never (a retried create could double an order).</summary>
public static class KingdeeHttpClients
{
    public static readonly string Read = ErpHttpClients.ReadClient(KingdeeConnector.ConnectorKind);
    public static readonly string Write = ErpHttpClients.WriteClient(KingdeeConnector.ConnectorKind);
}
