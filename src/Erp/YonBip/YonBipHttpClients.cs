namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>The two named HTTP clients: reads may be retried, writes never (a retried create could double an order).</summary>
public static class YonBipHttpClients
{
    public static readonly string Read = ErpHttpClients.ReadClient(YonBipConnector.ConnectorKind);
    public static readonly string Write = ErpHttpClients.WriteClient(YonBipConnector.ConnectorKind);
}
