using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessSync.Functions.Intake;
using ServerlessSync.Pipeline.Sync.Start;
using ServerlessSync.Pipeline;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Functions.Http;

namespace ServerlessSync.Functions;

/// <summary>What the Functions app registers besides Application Insights: the shared pipeline plus the Functions-only pieces.</summary>
public static class FunctionsServices
{
    public static IServiceCollection AddServerlessSyncFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddServerlessSyncPipeline(configuration).AddServerlessSyncErp(configuration).AddServerlessSyncPlatforms(configuration).AddServerlessSyncOperations(configuration);

        // Durable Functions hands out its DurableTaskClient per invocation ([DurableClient] binding), not through DI,
        // so the intake consumer and its starter are built per invocation around that client, never resolved from the container.
        services.RemoveAll<OrderEventStarter>();
        services.RemoveAll<IntakeMessageHandler>();
        services.AddSingleton<IntakeMessageHandlerFactory>();

        services.AddValidatedOptions<AccessOptions>(configuration, AccessOptions.SectionName, o => o.Problems());
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<AdminAccessMiddleware>();

        services.AddHostedService<ProfileSeedingService>();
        return services;
    }
}
