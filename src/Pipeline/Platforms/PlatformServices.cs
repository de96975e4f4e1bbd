using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Pipeline.Intake;
using ServerlessSync.Pipeline.Intake.Webhooks;
using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Platforms.Kuaishou;
using ServerlessSync.Pipeline.Platforms.Taobao;
using ServerlessSync.Pipeline.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms;

public static class PlatformServices
{
    /// <summary>Registers each platform's order client (PrepareOrder) and push adapter (webhook).</summary>
    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDouyinPlatform(configuration);
        services.AddSingleton<IWebhookAdapter, DouyinWebhookAdapter>();
        services.AddKuaishouPlatform(configuration);
        services.AddSingleton<IWebhookAdapter, KuaishouWebhookAdapter>();
        services.AddWeChatPlatform(configuration);
        services.AddSingleton<IWebhookAdapter, WeChatWebhookAdapter>();
        services.AddTaobaoPlatform(configuration);
        return services;
    }
}
