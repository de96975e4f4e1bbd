using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Functions;
using ServerlessSync.Functions.Http;

var host = new HostBuilder()
    .ConfigureFunctionsWebApplication(worker => worker.UseMiddleware<AdminAccessMiddleware>())
    .ConfigureServices((context, services) =>
    {
        services.AddFunctionsTelemetry(context.Configuration);
        services.AddServerlessSyncFunctions(context.Configuration);
    })
    .Build();

host.Run();
