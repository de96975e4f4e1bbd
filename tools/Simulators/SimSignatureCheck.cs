using System.Security.Cryptography;
using System.Text;

namespace ServerlessSync.Simulators;

/// <summary>Constant-time comparison of a signature the simulator computed with one a caller sent.</summary>
internal static class SimSignatureCheck
{
    public static bool Same(string computed, string? received, bool ignoreCase)
    {
        if (string.IsNullOrEmpty(received))
        {
            return false;
        }

        var left = Encoding.ASCII.GetBytes(ignoreCase ? computed.ToUpperInvariant() : computed);
        var right = Encoding.ASCII.GetBytes(ignoreCase ? received.ToUpperInvariant() : received);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }
}
