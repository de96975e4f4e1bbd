using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Intake.Webhooks;
using ServerlessSync.Pipeline.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Platforms;

public static class PlatformServices
{
    /// <summary>Registers each platform's order client (FetchOrder) and push adapter (webhook).</summary>
    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDouyinPlatform(configuration);
        services.AddSingleton<IWebhookAdapter, DouyinWebhookAdapter>();
        return services;
    }
}
