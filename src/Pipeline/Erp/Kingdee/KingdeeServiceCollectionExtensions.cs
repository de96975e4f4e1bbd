using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.Kingdee;

public static class KingdeeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="KingdeeConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:Kingdee</c>,
    /// a read client with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddKingdeeErp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KingdeeOptions>()
            .Bind(configuration.GetSection(KingdeeOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Erp:Kingdee:BaseUrl must be an absolute URL.")
            .Validate(o => o.WriteTimeout > TimeSpan.Zero && o.ReadAttemptTimeout > TimeSpan.Zero && o.ReadTotalTimeout > o.ReadAttemptTimeout,
                "Erp:Kingdee timeouts must be positive and ReadTotalTimeout must exceed ReadAttemptTimeout.");
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(KingdeeHttpClients.Read, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<KingdeeOptions>>().Value;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.ReadRetryCount);
                r.Retry.Delay = o.ReadRetryBaseDelay;
                r.AttemptTimeout.Timeout = o.ReadAttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.ReadTotalTimeout;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.ReadAttemptTimeout.Ticks));
            });

        services.AddHttpClient(KingdeeHttpClients.Write, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("kingdee-write", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<KingdeeOptions>>().Value;
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

        services.TryAddSingleton<KingdeeConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<KingdeeConnector>());
        return services;
    }

    private static void ConfigureClient(HttpClient client) =>
        // The resilience pipelines own the timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;

    // Cookies are replayed by hand from the shared session, so the pooled handler must not keep its own jar.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
