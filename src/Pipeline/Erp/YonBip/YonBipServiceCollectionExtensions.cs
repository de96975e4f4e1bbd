using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ServerlessSync.Domain.Erp.YonBip;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Erp.YonBip;

public static class YonBipServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="YonBipConnector"/> as an <see cref="IErpConnector"/> with options from <c>Erp:YonBip</c>,
    /// a read client with the standard resilience pipeline (retries) and a write client with timeout and circuit breaker only.
    /// </summary>
    public static IServiceCollection AddYonBipErp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<YonBipOptions>()
            .Bind(configuration.GetSection(YonBipOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Erp:YonBip:BaseUrl must be an absolute URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.TokenUrl) || Uri.TryCreate(o.TokenUrl, UriKind.Absolute, out _), "Erp:YonBip:TokenUrl must be an absolute URL when set.")
            .Validate(o => YonBipHeadDefines.IsDefineName(o.ExternalOrderNoDefine), "Erp:YonBip:ExternalOrderNoDefine must name a header define such as define13.")
            .Validate(o => o.WriteTimeout > TimeSpan.Zero && o.ReadAttemptTimeout > TimeSpan.Zero && o.ReadTotalTimeout > o.ReadAttemptTimeout,
                "Erp:YonBip timeouts must be positive and ReadTotalTimeout must exceed ReadAttemptTimeout.");
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(YonBipHttpClients.Read, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions r, IServiceProvider sp) =>
            {
                var o = sp.GetRequiredService<IOptions<YonBipOptions>>().Value;
                r.Retry.MaxRetryAttempts = Math.Max(1, o.ReadRetryCount);
                r.Retry.Delay = o.ReadRetryBaseDelay;
                r.AttemptTimeout.Timeout = o.ReadAttemptTimeout;
                r.TotalRequestTimeout.Timeout = o.ReadTotalTimeout;
                r.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * o.ReadAttemptTimeout.Ticks));
            });

        services.AddHttpClient(YonBipHttpClients.Write, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("yonbip-write", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<YonBipOptions>>().Value;
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

        services.TryAddSingleton<YonBipConnector>();
        services.AddSingleton<IErpConnector>(sp => sp.GetRequiredService<YonBipConnector>());
        return services;
    }

    private static void ConfigureClient(HttpClient client) =>
        // The resilience pipelines own the timeouts.
        client.Timeout = Timeout.InfiniteTimeSpan;

    // The token travels in the query string; no cookies are needed.
    private static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
