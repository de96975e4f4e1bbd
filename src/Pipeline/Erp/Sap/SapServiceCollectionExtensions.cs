using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.Sap;

public static class SapServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SapConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:Sap</c>, a read client
    /// with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddSapErp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SapOptions>()
            .Bind(configuration.GetSection(SapOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Erp:Sap:BaseUrl must be an absolute URL.")
            .Validate(o => o.WriteTimeout > TimeSpan.Zero && o.ReadAttemptTimeout > TimeSpan.Zero && o.ReadTotalTimeout > o.ReadAttemptTimeout,
                "Erp:Sap timeouts must be positive and ReadTotalTimeout must exceed ReadAttemptTimeout.");

        services.AddHttpClient(SapHttpClients.Read, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<SapOptions>>().Value;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.ReadRetryCount);
                r.Retry.Delay = o.ReadRetryBaseDelay;
                r.AttemptTimeout.Timeout = o.ReadAttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.ReadTotalTimeout;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.ReadAttemptTimeout.Ticks));
            });

        services.AddHttpClient(SapHttpClients.Write, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("sap-write", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<SapOptions>>().Value;
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

        services.TryAddSingleton<SapConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<SapConnector>());
        return services;
    }

    private static void ConfigureClient(HttpClient client) =>
        // The resilience pipelines own the timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;

    // The CSRF session cookies are sent by hand from the shared token, so the pooled handler must not keep its own jar.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
