using ServerlessSync.Pipeline.Erp;
using static ServerlessSync.Infra.Tests.Support.TemplateJson;

namespace ServerlessSync.Infra.Tests;

/// <summary>
/// <c>Erp:{Kind}:MaxCallsPerSecond</c> is the ERP's total pace, shared by the processes that call it
/// (<see cref="GovernorMembership"/>): the template, the example parameters and the docs say the same, with defaults
/// that an ERP can take as a whole.
/// </summary>
public sealed class ErpPaceTests
{
    private static readonly Regex PerInstance = new(@"per (instance|worker process)|divide[sd]? (the ERP.s capacity )?by maximumInstanceCount|maximumInstanceCount x", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void The_governor_settings_default_to_the_erps_total_and_are_described_as_shared_in_both_templates()
    {
        foreach (var template in new[] { CompiledTemplate.Main, CompiledTemplate.Module("functionApp") })
        {
            var (rate, rateText) = Parameter(template, "erpMaxCallsPerSecond");
            var (concurrency, concurrencyText) = Parameter(template, "erpMaxConcurrency");

            Assert.Equal("5", (string?)rate);
            Assert.Equal(4, (int?)concurrency);
            Assert.Contains("total", rateText, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("shared", rateText, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("total", concurrencyText, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(PerInstance, rateText);
            Assert.DoesNotMatch(PerInstance, concurrencyText);
        }

        Assert.DoesNotMatch(PerInstance, Parameter(CompiledTemplate.Main, "maximumInstanceCount").Description);
    }

    [Fact]
    public void The_example_parameters_give_the_erp_a_total_pace_an_erp_takes_not_a_per_instance_share()
    {
        var parameters = BicepParameters.Example();

        var rate = double.Parse((string)parameters["erpMaxCallsPerSecond"]!["value"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rate, 1, 50);
        Assert.True((int)parameters["erpMaxConcurrency"]!["value"]! >= 2);
        var text = File.ReadAllText(Path.Combine(Repository.Bicep, "main.bicepparam"));
        Assert.DoesNotMatch(PerInstance, text);
        Assert.DoesNotContain("each gets a small share", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bicep_rate_reaches_the_governor_setting_the_code_shares_among_its_members()
    {
        var governor = BicepAppSettings.Instance.Governor;

        Assert.Equal("[parameters('erpMaxCallsPerSecond')]", governor[nameof(ErpGovernorOptions.MaxCallsPerSecond)]);
        Assert.Equal("[string(parameters('erpMaxConcurrency'))]", governor[nameof(ErpGovernorOptions.MaxConcurrency)]);
    }

    [Theory]
    [InlineData("docs/deploy.md")]
    [InlineData("README.md")]
    [InlineData("docs/erp-governor.md")]
    public void The_docs_call_the_setting_the_erps_total_and_never_a_per_instance_limit(string file)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, file));
        var lines = text.Split('\n').Where(l => l.Contains("MaxCallsPerSecond", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.DoesNotMatch(PerInstance, l));
        Assert.Contains(lines, l => l.Contains("total", StringComparison.OrdinalIgnoreCase));
    }
}
