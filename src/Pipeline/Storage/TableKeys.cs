using System.Text;

namespace ServerlessSync.Pipeline.Storage;

/// <summary>Azure Tables forbids / \ # ? and control characters in keys; platform ids never contain them, but msg ids might.</summary>
public static class TableKeys
{
    public static string Sanitize(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c);
        }

        return builder.ToString();
    }
}
