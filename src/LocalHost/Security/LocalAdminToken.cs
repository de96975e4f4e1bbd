using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.LocalHost.Security;

/// <summary>
/// The LocalHost admin token: the configured one, else the one in the token file, else a new random one written to
/// that file (owner read/write only) and printed once to the console.
/// </summary>
public sealed class LocalAdminToken
{
    private readonly byte[] expected;

    public LocalAdminToken(IOptions<LocalAdminOptions> options, ILogger<LocalAdminToken> logger)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.Token))
        {
            Value = settings.Token.Trim();
            Source = "configuration (Admin:Token)";
        }
        else
        {
            var file = settings.ResolvedTokenFile;
            (Value, var created) = ReadOrCreate(file);
            Source = file;
            if (created)
            {
                // Printed to the console once, when it is made; later starts only say where it is.
                Console.WriteLine($"Admin token (saved to {file}, shown only now): {Value}");
            }
        }

        expected = Encoding.UTF8.GetBytes(Value);
        logger.LogInformation("Admin routes need the {Header} header; the token is in {Source}", LocalRequestGuard.TokenHeader, Source);
    }

    public string Value { get; }

    public string Source { get; }

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), expected);

    /// <summary>Reads the token file, or creates it with a new token; two processes starting together end up with the same token.</summary>
    public static (string Token, bool Created) ReadOrCreate(string file)
    {
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(file, create))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(token);
            }

            return (token, true);
        }
        catch (IOException) when (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } raced)
        {
            return (raced, false);
        }
    }
}
