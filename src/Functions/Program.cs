using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Functions;
using ServerlessSync.Pipeline.Telemetry;

var host = new HostBuilder()
    .ConfigureFunctionsWebApplication()
    .ConfigureServices((context, services) =>
    {
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.AddPipelineApplicationInsights(context.Configuration);
        services.AddServerlessSyncFunctions(context.Configuration);
    })
    .Build();

host.Run();
