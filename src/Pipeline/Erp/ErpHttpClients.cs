using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.Erp;

/// <summary>The endpoint and timeouts every ERP connector's options carry (section <c>Erp:{Kind}</c>).</summary>
public interface IErpHttpOptions
{
    string BaseUrl { get; }

    TimeSpan WriteTimeout { get; }

    TimeSpan ReadAttemptTimeout { get; }

    TimeSpan ReadTotalTimeout { get; }

    int ReadRetryCount { get; }

    TimeSpan ReadRetryBaseDelay { get; }

    /// <summary>The ERP's credentials by setting name: each must be set, and be no unresolved Key Vault reference.</summary>
    IEnumerable<(string Key, string? Value)> RequiredSecrets { get; }
}

/// <summary>
/// The two HttpClients every ERP connector uses: a read client with the standard resilience pipeline (retries), and a
/// write client with a timeout and a circuit breaker only, because a write whose answer was lost may have committed and
/// the caller looks up before creating again.
/// </summary>
public static class ErpHttpClients
{
    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/> with the checks every ERP needs; add ERP-specific checks to the result.</summary>
    public static OptionsBuilder<TOptions> AddErpOptions<TOptions>(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration, string section)
        where TOptions : class, IErpHttpOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        return services.AddValidatedOptions<TOptions>(configuration, section, ErpProblems)
            .ValidateDataAnnotations();
    }

    private static IEnumerable<string> ErpProblems(IErpHttpOptions o)
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

    public static IServiceCollection AddErpHttpClients<TOptions>(this IServiceCollection services, string readClient, string writeClient, string writePipeline)
        where TOptions : class, IErpHttpOptions
    {
        services.AddHttpClient(readClient, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TOptions>>().Value;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.ReadRetryCount);
                r.Retry.Delay = o.ReadRetryBaseDelay;
                r.AttemptTimeout.Timeout = o.ReadAttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.ReadTotalTimeout;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.ReadAttemptTimeout.Ticks));
            });

        services.AddHttpClient(writeClient, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler(writePipeline, (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value;
                // No retry strategy: a create whose answer was lost may have committed; the caller looks up before creating again.
                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.WriteTimeout.Ticks)),
                    BreakDuration = TimeSpan.FromSeconds(15),
                });
                builder.AddTimeout(o.WriteTimeout);
            });
        return services;
    }

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
