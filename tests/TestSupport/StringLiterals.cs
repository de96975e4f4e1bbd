using System.Reflection;

namespace ServerlessSync.TestSupport;

/// <summary>The string literals compiled code loads, read from its IL, for tests that hold names in code against names elsewhere.</summary>
public static class StringLiterals
{
    private const byte LoadString = 0x72; // ldstr, followed by a 4-byte string token

    public static IEnumerable<string> LoadedBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var i = 0; i < il.Length - 4; i++)
        {
            if (il[i] != LoadString)
            {
                continue;
            }

            string literal;
            try
            {
                literal = method.Module.ResolveString(BitConverter.ToInt32(il, i + 1));
            }
            catch (ArgumentException)
            {
                continue; // the byte is inside another instruction's operand, not an ldstr
            }

            yield return literal;
        }
    }
}
