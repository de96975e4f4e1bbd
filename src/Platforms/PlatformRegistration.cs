using ServerlessSync.Pipeline.Platforms;

namespace ServerlessSync.Pipeline;

/// <summary>Registers the four platforms (clients, listers, writers, webhook adapters). Both hosts call this.</summary>
public static class PlatformRegistration
{
    public static IServiceCollection AddServerlessSyncPlatforms(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatforms(configuration);
}
