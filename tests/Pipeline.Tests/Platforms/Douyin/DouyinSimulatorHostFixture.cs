using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;

namespace ServerlessSync.Pipeline.Tests.Platforms.Douyin;

/// <summary>The real simulator host on a free loopback port.</summary>
public sealed class DouyinSimulatorHostFixture : IAsyncLifetime
{
    private WebApplication? app;

    public string DouyinBaseUrl { get; private set; } = "";

    public DouyinSimulatorOptions Options => app!.Services.GetRequiredService<DouyinSimulatorOptions>();

    public DouyinOrderStore Store => app!.Services.GetRequiredService<DouyinOrderStore>();

    public async Task InitializeAsync()
    {
        app = SimulatorHost.Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        DouyinBaseUrl = app.Urls.Single().TrimEnd('/') + "/douyin";
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
