using Microsoft.Extensions.Hosting;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Events;

namespace ServerlessSync.Pipeline.Tests.Core;

/// <summary>
/// The one options pattern (<see cref="ValidatedOptions"/>): bound from the host's configuration section, defaults kept
/// for absent keys, and a bad value stops the host's start with the "Section:Key" named, before anything runs.
/// </summary>
public sealed class ValidatedOptionsTests
{
    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddValidatedOptions<IntakeOptions>(builder.Configuration, IntakeOptions.SectionName, o => o.Problems());
        return builder.Build();
    }

    [Fact]
    public async Task A_bad_value_stops_the_start_naming_the_section_and_key()
    {
        using var host = Host(new() { ["Intake:MaxDequeueCount"] = "0" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(typeof(IntakeOptions), error.OptionsType);
        Assert.Contains("Intake:MaxDequeueCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_values_are_bound_from_the_section_and_absent_keys_keep_their_defaults()
    {
        using var host = Host(new() { ["Intake:MaxDequeueCount"] = "7" });

        await host.StartAsync();
        var options = host.Services.GetRequiredService<IOptions<IntakeOptions>>().Value;
        await host.StopAsync();

        Assert.Equal(7, options.MaxDequeueCount);
        Assert.Equal(new IntakeOptions().BusyRetryDelaySeconds, options.BusyRetryDelaySeconds);
    }

    [Fact]
    public void A_composition_without_a_host_binds_from_the_configuration_it_was_given()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Intake:RunGatherMs"] = "40" }).Build();

        using var provider = new ServiceCollection()
            .AddValidatedOptionsValue<IntakeOptions>(configuration, IntakeOptions.SectionName, o => o.Problems())
            .BuildServiceProvider();

        Assert.Equal(40, provider.GetRequiredService<IntakeOptions>().RunGatherMs);
    }

    [Fact]
    public void Settings_read_while_registering_are_the_bound_class_with_its_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceBus:TopicName"] = "orders-x" }).Build();

        var bound = configuration.BoundNow<ServiceBusEventOptions>(ServiceBusEventOptions.SectionName);
        var absent = configuration.BoundNow<IntakeOptions>(IntakeOptions.SectionName);

        Assert.Equal("orders-x", bound.TopicName);
        Assert.Equal(new IntakeOptions().MaxOrdersPerRun, absent.MaxOrdersPerRun);
    }
}
