using System.Globalization;

namespace ServerlessSync.Simulators.Demo;

/// <summary>Arguments of <c>demo</c>: <c>--orders N --rate R --hub URL --sim URL [--json] [--timeout S] [--duplicate-rate P] [--out-of-order-rate P]</c>.</summary>
public sealed record DemoArguments
{
    public int Orders { get; init; } = 300;

    public double Rate { get; init; } = 100;

    public string HubUrl { get; init; } = "http://localhost:7071";

    public string SimulatorUrl { get; init; } = SimulatorHost.DefaultUrl;

    public bool Json { get; init; }

    public int TimeoutSeconds { get; init; }

    public double DuplicateRate { get; init; } = 0.05;

    public double OutOfOrderRate { get; init; } = 0.1;

    public IReadOnlyList<string> Platforms { get; init; } = ["douyin"];

    public string Erp { get; init; } = "kingdee";

    /// <summary><c>--ship</c>: the ERP simulator ships every written order, and the summary counts what reached the platforms.</summary>
    public bool Ship { get; init; }

    /// <summary>How long to wait for the hub to drain: generous for the ERP's pace, bounded.</summary>
    public TimeSpan EffectiveTimeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : Math.Min(1800, 120 + (Orders / 2)));

    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static DemoArguments Parse(IReadOnlyList<string> args)
    {
        var result = new DemoArguments();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            result = args[i] switch
            {
                "--orders" => result with { Orders = PositiveInt(Next(), "--orders") },
                "--rate" => result with { Rate = PositiveDouble(Next(), "--rate") },
                "--hub" => result with { HubUrl = Next().TrimEnd('/') },
                "--sim" => result with { SimulatorUrl = Next().TrimEnd('/') },
                "--json" => result with { Json = true },
                "--ship" => result with { Ship = true },
                "--timeout" => result with { TimeoutSeconds = PositiveInt(Next(), "--timeout") },
                "--duplicate-rate" => result with { DuplicateRate = Probability(Next(), "--duplicate-rate") },
                "--out-of-order-rate" => result with { OutOfOrderRate = Probability(Next(), "--out-of-order-rate") },
                "--platforms" => result with { Platforms = PlatformList(Next()) },
                "--erp" => result with { Erp = ErpName(Next()) },
                _ => throw new ArgumentException($"unknown option '{args[i]}'"),
            };
        }

        return result;
    }

    private static string ErpName(string value) =>
        DemoPlatforms.ErpInspection.ContainsKey(value) ? value : throw new ArgumentException($"--erp must be one of {string.Join(", ", DemoPlatforms.ErpInspection.Keys)}");

    private static List<string> PlatformList(string value)
    {
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = names.Where(n => !DemoPlatforms.ByName.ContainsKey(n)).ToList();
        return names.Count > 0 && unknown.Count == 0
            ? names
            : throw new ArgumentException($"--platforms takes a comma-separated list of {string.Join(", ", DemoPlatforms.ByName.Keys)}");
    }

    private static int PositiveInt(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive whole number");

    private static double PositiveDouble(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} must be a positive number");

    private static double Probability(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 1 ? n : throw new ArgumentException($"{name} must be between 0 and 1");
}
