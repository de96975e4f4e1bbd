using Microsoft.Extensions.Configuration;

namespace ServerlessSync.Pipeline.Profiles;

/// <summary>
/// Loads mapping profiles from JSON files (<c>Profiles:SeedDirectory</c>) into the store when the shop has none
/// yet, so a fresh hub starts with the merchant's initial mapping. Later changes go through the store.
/// </summary>
public sealed class ProfileSeeder(ProfileStore store, ILogger<ProfileSeeder> logger)
{
    /// <summary>The seed folder <c>Profiles:SeedDirectory</c> names (a relative one is under the app's folder); null when unset.</summary>
    public static string? SeedDirectory(IConfiguration configuration) =>
        configuration["Profiles:SeedDirectory"] is { } directory && !string.IsNullOrWhiteSpace(directory)
            ? Path.IsPathRooted(directory) ? directory : Path.Combine(AppContext.BaseDirectory, directory)
            : null;

    public async Task<int> SeedAsync(string? directory, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory))
        {
            return 0;
        }

        var seeded = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var profile = ProfileStore.Parse(await File.ReadAllTextAsync(file, cancellationToken));
            if (await store.GetAsync(profile.Platform, profile.ShopId, cancellationToken) is not null)
            {
                continue;
            }

            await store.SaveAsync(profile, $"seed:{Path.GetFileName(file)}", cancellationToken);
            logger.LogInformation("Seeded mapping profile for {Platform}:{ShopId} from {File}", profile.Platform, profile.ShopId, Path.GetFileName(file));
            seeded++;
        }

        return seeded;
    }
}
