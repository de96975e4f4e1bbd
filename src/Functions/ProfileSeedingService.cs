using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.Functions;

/// <summary>
/// Seeds mapping profiles from <c>Profiles:SeedDirectory</c> (relative to the app folder) when the worker starts,
/// as the LocalHost does; a shop that already has a profile keeps it. Unset means no seeding. A failure is logged
/// and does not stop the worker: the triggers work without it and the next start tries again.
/// </summary>
public sealed class ProfileSeedingService(ProfileSeeder seeder, IConfiguration configuration, ILogger<ProfileSeedingService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ProfileSeeder.SeedDirectory(configuration) is not { } path)
        {
            return;
        }

        try
        {
            await seeder.SeedAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Seeding mapping profiles from {Directory} failed", path);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
