using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>
/// The two HttpClients every ERP connector uses: a read client with the standard resilience pipeline (retries), and a
/// write client with a timeout and a circuit breaker only, because a write whose answer was lost may have committed and
/// the caller looks up before creating again.
/// </summary>
public static class ErpHttpClients
{
    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/> with the checks every ERP needs.</summary>
    private static OptionsBuilder<TOptions> AddErpOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : ErpHttpOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services.AddValidatedOptions<TOptions>(configuration, section, ErpProblems)
            .ValidateDataAnnotations();
    }

    private static IEnumerable<string> ErpProblems(ErpHttpOptions o)
    {
        foreach (var problem in SettingRules.AbsoluteUrl(nameof(o.BaseUrl), o.BaseUrl, required: true)
            .Concat(o.RequiredSecrets.SelectMany(s => SettingRules.Secret(s.Key, s.Value, required: true))))
        {
            yield return problem;
        }

        if (!(o.WriteTimeout > TimeSpan.Zero && o.ReadAttemptTimeout > TimeSpan.Zero && o.ReadTotalTimeout > o.ReadAttemptTimeout))
        {
            yield return "timeouts must be positive and ReadTotalTimeout must exceed ReadAttemptTimeout";
        }

        // Polly refuses a break outside 0.5 s .. 1 day when it builds the write client's pipeline, at the first write.
        if (o.WriteBreakDuration < TimeSpan.FromSeconds(0.5) || o.WriteBreakDuration > TimeSpan.FromDays(1))
        {
            yield return "WriteBreakDuration must be between 0.5 s and 1 day";
        }

        if (!IsHttpsOrLoopback(o.BaseUrl))
        {
            yield return "BaseUrl must use https: credentials and orders are sent to it (plain http is allowed only to a loopback host such as 127.0.0.1 or localhost)";
        }
    }

    /// <summary>True for an https URL, or an http URL whose host is loopback; true for a value that is not a URL at all (the absolute-URL check reports that).</summary>
    public static bool IsHttpsOrLoopback(string? url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri)
        || uri.Scheme == Uri.UriSchemeHttps
        || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    /// <summary>
    /// Registers one ERP connector: its options from <c>Erp:{kind}</c>, its read client <c>{kind}.Read</c> and write client
    /// <c>{kind}.Write</c> with the settings of those options, and the connector as <see cref="IErpConnector"/>,
    /// <see cref="IErpShipmentSource"/> and <see cref="IErpMaterialSearch"/>. Add the ERP's own option checks to the result.
    /// </summary>
    public static OptionsBuilder<TOptions> AddErp<TOptions, TConnector>(this IServiceCollection services, IConfiguration configuration, string kind)
        where TOptions : ErpHttpOptions
        where TConnector : class, IErpConnector, IErpShipmentSource, IErpMaterialSearch
    {
        var options = services.AddErpOptions<TOptions>(configuration, "Erp:" + kind);
        services.AddHttpClient(ReadClient(kind), ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TOptions>>().Value;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.ReadRetryCount);
                r.Retry.Delay = o.ReadRetryBaseDelay;
                r.AttemptTimeout.Timeout = o.ReadAttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.ReadTotalTimeout;
                r.CircuitBreaker.SamplingDuration = SamplingDuration(o.ReadAttemptTimeout);
            });

        services.AddHttpClient(WriteClient(kind), ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler(kind.ToLowerInvariant() + "-write", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
                // No retry strategy: a create whose answer was lost may have committed; the caller looks up before creating again.
                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = SamplingDuration(o.WriteTimeout),
                    BreakDuration = o.WriteBreakDuration,
                });
                builder.AddTimeout(o.WriteTimeout);
            });

        services.TryAddSingleton<TConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<TConnector>());
        services.AddSingleton<IErpShipmentSource>(sp => sp.GetRequiredService<TConnector>());
        services.AddSingleton<IErpMaterialSearch>(sp => sp.GetRequiredService<TConnector>());
        return options;
    }

    /// <summary>The client for logins, tokens, look-ups and stock: retried by the standard resilience pipeline.</summary>
    public static string ReadClient(string kind) => kind + ".Read";

    /// <summary>The client for creates and status changes: never retried (a retried create could double an order).</summary>
    public static string WriteClient(string kind) => kind + ".Write";

    private static TimeSpan SamplingDuration(TimeSpan timeout) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * timeout.Ticks));

    private static void ConfigureClient(HttpClient client) =>
        // The resilience pipelines own the timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;

    // Sessions, tokens and cookies (Kingdee, SAP CSRF) are sent by hand by each connector, so the pooled handler must not keep a jar of its own.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
