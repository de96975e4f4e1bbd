using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Extensions.Logging;
using ServerlessSync.Pipeline.Tests.Telemetry;

namespace ServerlessSync.Functions.Tests;

/// <summary>
/// The worker's logging as Program.cs configures it (AddFunctionsTelemetry), down to what the Application Insights SDK
/// would send: each order's Information lines reach the traces table with {InstanceId} as a dimension; noisy or
/// URL-carrying library lines below Warning do not.
/// </summary>
public sealed class FunctionsTelemetryTests : IAsyncLifetime
{
    private readonly CapturingTelemetryChannel channel = new();
    private readonly ServiceProvider provider;

    public FunctionsTelemetryTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:1/",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ITelemetryChannel>(channel);
        services.AddFunctionsTelemetry(configuration);
        provider = services.BuildServiceProvider();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // The worker's telemetry module is only asynchronously disposable.
    public Task DisposeAsync() => provider.DisposeAsync().AsTask();

    private List<TraceTelemetry> Traces()
    {
        provider.GetRequiredService<TelemetryClient>().Flush();
        return channel.Sent.OfType<TraceTelemetry>().ToList();
    }

    [Fact]
    public void An_orders_information_line_reaches_application_insights_with_its_instance_id_as_a_dimension()
    {
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("ServerlessSync.Pipeline.Sync.Activities.WriteErpActivity");

        logger.LogInformation("Wrote {InstanceId} to the ERP as {ErpNumber}", "douyin:100200300:6930012345678901234", "XSDD000123");

        var trace = Assert.Single(Traces());
        Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
        Assert.Equal("douyin:100200300:6930012345678901234", trace.Properties["InstanceId"]);
    }

    [Fact]
    public void The_sdks_warning_only_rule_is_gone_and_library_categories_stay_at_warning()
    {
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LoggerFilterOptions>>().Value;
        var loggers = provider.GetRequiredService<ILoggerFactory>();

        Assert.DoesNotContain(options.Rules, r => r.ProviderName == FunctionsTelemetry.ApplicationInsightsLoggerProvider && r.CategoryName is null);
        Assert.Equal(LogLevel.Information, options.MinLevel);
        loggers.CreateLogger("System.Net.Http.HttpClient.douyin-orders.LogicalHandler").LogInformation("Start processing HTTP request GET {Uri}", "https://openapi-fxg.jinritemai.com/order/orderDetail?access_token=secret");
        loggers.CreateLogger("Polly").LogInformation("Execution attempt");
        loggers.CreateLogger("System.Net.Http.HttpClient.douyin-orders.LogicalHandler").LogWarning("Slow request");

        var trace = Assert.Single(Traces());
        Assert.Equal("Slow request", trace.Message);
    }
}
