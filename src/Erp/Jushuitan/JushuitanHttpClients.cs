namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>The two named HTTP clients: reads may be retried, writes never (a retried create could double an order).</summary>
public static class JushuitanHttpClients
{
    public static readonly string Read = ErpHttpClients.ReadClient(JushuitanConnector.ConnectorKind);
    public static readonly string Write = ErpHttpClients.WriteClient(JushuitanConnector.ConnectorKind);
}
