using System.Text;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Simulators.Sap;

/// <summary>Basic authentication of the communication user (SAP user names are case-insensitive).</summary>
public static class SapSimAuth
{
    public static bool HasValidBasic(HttpRequest request, SapSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && string.Equals(decoded[..colon], options.UserName, StringComparison.OrdinalIgnoreCase)
            && decoded[(colon + 1)..] == options.Password;
    }
}
