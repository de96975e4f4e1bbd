namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>The two named HTTP clients: reads may be retried, writes never (a retried create could double an order).</summary>
public static class SapHttpClients
{
    public static readonly string Read = ErpHttpClients.ReadClient(SapConnector.ConnectorKind);
    public static readonly string Write = ErpHttpClients.WriteClient(SapConnector.ConnectorKind);
}
