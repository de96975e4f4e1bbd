using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.LocalHost.Security;

/// <summary>
/// <c>Admin:*</c>: how the LocalHost protects its admin surface on a shared machine. Mutating routes need the token in
/// <see cref="LocalRequestGuard.TokenHeader"/>; every request must name a loopback host or one of <see cref="AllowedHosts"/>.
/// </summary>
public sealed class LocalAdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>The admin token; when empty it is read from <see cref="TokenFile"/>, or generated there on first start.</summary>
    public string? Token { get; set; }

    /// <summary>Where the generated token is kept (readable by its owner only); default <c>~/.local/share/ServerlessSync/admin-token</c>.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Host names besides localhost, 127.0.0.1 and [::1] that requests may address (e.g. a tunnel's name).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    public IEnumerable<string> Problems() =>
        SettingRules.Secret(nameof(Token), Token, required: false)
            .Concat(AllowedHosts.Any(string.IsNullOrWhiteSpace) ? [$"{nameof(AllowedHosts)} has an empty entry"] : []);

    public string ResolvedTokenFile => string.IsNullOrWhiteSpace(TokenFile)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "ServerlessSync", "admin-token")
        : TokenFile;
}
