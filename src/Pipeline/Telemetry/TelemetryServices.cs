using System.Diagnostics.Metrics;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServerlessSync.Pipeline.Telemetry;

public static class TelemetryServices
{
    /// <summary>Registers <see cref="PipelineMetrics"/> as a singleton tagged with <c>Erp:Kind</c>. Both hosts call this (through the pipeline).</summary>
    public static IServiceCollection AddPipelineMetrics(this IServiceCollection services, string erpKind)
    {
        services.AddMetrics();
        services.TryAddSingleton(sp => new PipelineMetrics(sp.GetRequiredService<IMeterFactory>(), erpKind));
        return services;
    }

    /// <summary>
    /// For a host that runs the Application Insights SDK (the Functions worker): exports the pipeline meter into it,
    /// strips query values from dependency and request URLs, and authenticates with Entra ID when
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> asks for it (Application Insights with local auth disabled).
    /// Call after AddApplicationInsightsTelemetryWorkerService.
    /// </summary>
    public static IServiceCollection AddPipelineApplicationInsights(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<ApplicationInsightsMetricBridge>();
        services.AddSingleton<ITelemetryInitializer, QueryStringRedactor>();
        var credential = ApplicationInsightsEntraAuthentication.CredentialFrom(configuration[ApplicationInsightsEntraAuthentication.SettingName]);
        if (credential is not null)
        {
            services.Configure<TelemetryConfiguration>(c => c.SetAzureTokenCredential(credential));
        }

        return services;
    }
}
