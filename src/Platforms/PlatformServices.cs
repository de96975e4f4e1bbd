using ServerlessSync.Pipeline.Platforms.Douyin;
using ServerlessSync.Pipeline.Platforms.Kuaishou;
using ServerlessSync.Pipeline.Platforms.Taobao;
using ServerlessSync.Pipeline.Platforms.WeChat;

namespace ServerlessSync.Pipeline;

public static class PlatformServices
{
    /// <summary>
    /// Registers every platform (both hosts call this): each registers its own API clients, listers and writers and,
    /// where it pushes over HTTP, its webhook adapter (an <see cref="Intake.IWebhookAdapter"/> the intake finds by
    /// platform name, without knowing the platforms).
    /// </summary>
    public static IServiceCollection AddServerlessSyncPlatforms(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddDouyinPlatform(configuration)
            .AddKuaishouPlatform(configuration)
            .AddWeChatPlatform(configuration)
            .AddTaobaoPlatform(configuration);
}
