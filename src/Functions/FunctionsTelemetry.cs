using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Telemetry;

namespace ServerlessSync.Functions;

/// <summary>The worker's telemetry: the Application Insights SDK with the pipeline's additions, and Information logs kept.</summary>
public static class FunctionsTelemetry
{
    /// <summary>The provider the Application Insights SDK registers for ILogger, which its default filter rule names.</summary>
    public const string ApplicationInsightsLoggerProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Libraries whose Information lines are noise at live-room volume or carry URLs with tokens in the query (the
    /// HTTP client factory logs each request's URI): Warning and above only, as in LocalHost's appsettings.json.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, LogLevel> QuietCategories = new Dictionary<string, LogLevel>
    {
        ["System.Net.Http.HttpClient"] = LogLevel.Warning,
        ["Microsoft.AspNetCore"] = LogLevel.Warning,
        ["Polly"] = LogLevel.Warning,
        ["Azure.Core"] = LogLevel.Warning,
        ["Azure.Identity"] = LogLevel.Warning,
        ["Azure.Messaging.ServiceBus"] = LogLevel.Warning,
    };

    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.AddPipelineApplicationInsights(configuration);
        // The SDK adds a rule that sends only Warning and above to Application Insights, which would drop every order's
        // Information lines ({InstanceId}) that order-trace.kql and the workbook read. Without it the levels below apply.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsLoggerProvider);
            if (warningOnly is not null)
            {
                options.Rules.Remove(warningOnly);
            }

            options.MinLevel = LogLevel.Information;
            foreach (var (category, level) in QuietCategories)
            {
                options.AddFilter(category, level);
            }
        });
        return services;
    }
}
