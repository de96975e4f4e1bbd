namespace ServerlessSync.Pipeline.Erp.Sap;

/// <summary>The two named HTTP clients: reads (token fetch, lookup, stock) may be retried, creates never.</summary>
public static class SapHttpClients
{
    public const string Read = "Sap.Read";
    public const string Write = "Sap.Write";
}
