using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Platforms.Kuaishou;
using ServerlessSync.Pipeline.Platforms.Taobao;
using ServerlessSync.Pipeline.Platforms.WeChat;

namespace ServerlessSync.Pipeline.Platforms;

public static class PlatformServices
{
    /// <summary>
    /// Registers every platform: each registers its own API clients and, where it pushes over HTTP, its webhook adapter
    /// (an <see cref="Intake.IWebhookAdapter"/> the intake finds by platform name, without knowing the platforms).
    /// </summary>
    public static IServiceCollection AddPlatforms(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddDouyinPlatform(configuration)
            .AddKuaishouPlatform(configuration)
            .AddWeChatPlatform(configuration)
            .AddTaobaoPlatform(configuration);
}
