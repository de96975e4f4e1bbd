using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Functions;

var host = new HostBuilder()
    .ConfigureFunctionsWebApplication()
    .ConfigureServices((context, services) =>
    {
        services.AddFunctionsTelemetry(context.Configuration);
        services.AddServerlessSyncFunctions(context.Configuration);
    })
    .Build();

host.Run();
