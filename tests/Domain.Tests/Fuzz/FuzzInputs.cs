namespace ServerlessSync.Domain.Tests.Fuzz;

/// <summary>Generators: JSON-ish noise, and valid documents with random edits (values swapped for hostile ones, cuts, deep nesting).</summary>
internal static class FuzzInputs
{
    private static readonly string[] HostileTokens =
    [
        "null", "-1", "0", "1e400", "-9223372036854775809", "9223372036854775808", "18446744073709551616", "1.5", "\"\"", "\"x\"",
        "[]", "{}", "true", "\"\\ud800\"", "\"2025-13-45 99:99:99\"", "\"<script>alert(1)</script>\"", new string('[', 200),
        "\"" + new string('9', 400) + "\"", "{\"a\":" + new string('{', 100), "\"\\u0000\"", "NaN",
    ];

    public static readonly Gen<string> Noise =
        Gen.Char["{}[]\":,0123456789-+.eEtrufalsn \\abcxyz_"].Array[0, 300].Select(chars => new string(chars));

    /// <summary>One valid document with 1 to 6 random edits.</summary>
    public static Gen<string> Mutations(params string[] seeds) =>
        Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, int.MaxValue].Array[1, 6], Gen.Int[0, HostileTokens.Length - 1].Array[6])
            .Select((seed, cuts, tokens) => Mutate(seeds[seed], cuts, tokens));

    public static Gen<string> Documents(params string[] seeds) => Gen.Frequency((1, Noise), (4, Mutations(seeds)));

    private static string Mutate(string text, int[] positions, int[] tokens)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            var at = positions[i] % (text.Length + 1);
            var span = Math.Min(text.Length - at, positions[i] % 17);
            text = (positions[i] % 3) switch
            {
                0 => text[..at] + HostileTokens[tokens[i]] + text[(at + span)..],
                1 => text[..at] + text[(at + span)..],
                _ => text[..at] + HostileTokens[tokens[i]] + text[at..],
            };
        }

        return text;
    }
}
