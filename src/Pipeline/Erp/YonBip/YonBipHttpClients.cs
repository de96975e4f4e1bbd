namespace ServerlessSync.Pipeline.Erp.YonBip;

/// <summary>The two named HTTP clients: reads (token, list, detail, stock) may be retried, writes never.</summary>
public static class YonBipHttpClients
{
    public const string Read = "YonBip.Read";
    public const string Write = "YonBip.Write";
}
