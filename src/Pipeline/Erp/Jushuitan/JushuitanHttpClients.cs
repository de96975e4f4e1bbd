namespace ServerlessSync.Pipeline.Erp.Jushuitan;

/// <summary>The two named HTTP clients: queries may be retried, uploads never.</summary>
public static class JushuitanHttpClients
{
    public const string Read = "Jushuitan.Read";
    public const string Write = "Jushuitan.Write";
}
