using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.Jushuitan;

public static class JushuitanServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="JushuitanConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:Jushuitan</c>,
    /// a read client with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddJushuitanErp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<JushuitanOptions>()
            .Bind(configuration.GetSection(JushuitanOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Erp:Jushuitan:BaseUrl must be an absolute URL.")
            .Validate(o => o.WriteTimeout > TimeSpan.Zero && o.ReadAttemptTimeout > TimeSpan.Zero && o.ReadTotalTimeout > o.ReadAttemptTimeout,
                "Erp:Jushuitan timeouts must be positive and ReadTotalTimeout must exceed ReadAttemptTimeout.");
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(JushuitanHttpClients.Read, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<JushuitanOptions>>().Value;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.ReadRetryCount);
                r.Retry.Delay = o.ReadRetryBaseDelay;
                r.AttemptTimeout.Timeout = o.ReadAttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.ReadTotalTimeout;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.ReadAttemptTimeout.Ticks));
            });

        services.AddHttpClient(JushuitanHttpClients.Write, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("jushuitan-write", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<JushuitanOptions>>().Value;
                // No retry strategy: a Save whose answer was lost may have committed; the caller looks up before creating again.
                builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.WriteTimeout.Ticks)),
                    BreakDuration = TimeSpan.FromSeconds(15),
                });
                builder.AddTimeout(o.WriteTimeout);
            });

        services.TryAddSingleton<JushuitanConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<JushuitanConnector>());
        return services;
    }

    private static void ConfigureClient(HttpClient client) =>
        // The resilience pipelines own the timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;

    // Every call carries its own signed credentials; no cookies are needed.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
