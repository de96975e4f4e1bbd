using ServerlessSync.Pipeline.Profiles;

namespace ServerlessSync.LocalHost.Hosted;

/// <summary>Seeds mapping profiles from <c>Profiles:SeedDirectory</c> before the host takes traffic.</summary>
public sealed class StartupSeeder(ProfileSeeder seeder, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        seeder.SeedAsync(ProfileSeeder.SeedDirectory(configuration), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
