using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ServerlessSync.Pipeline.Erp;

public static class ErpServices
{
    public static readonly IReadOnlyList<string> Kinds = ["Kingdee"];

    /// <summary>Registers the connector <c>Erp:Kind</c> selects.</summary>
    public static IServiceCollection AddErpConnector(this IServiceCollection services, string kind, IConfiguration configuration)
    {
        if (!Kinds.Contains(kind))
        {
            throw new InvalidOperationException($"Erp:Kind '{kind}' is not supported; use one of {string.Join(", ", Kinds)}.");
        }

        return services;
    }
}
