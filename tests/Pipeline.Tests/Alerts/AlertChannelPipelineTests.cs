namespace ServerlessSync.Pipeline.Tests.Alerts;

/// <summary>The channels as the hosts get them: registered by the pipeline, bound from configuration, driven by the AlertService.</summary>
public sealed class AlertChannelPipelineTests : IAsyncLifetime
{
    private const string Secret = "SEC-shared-robot-secret";
    private RobotReceiver _robot = null!;
    private readonly SmtpTestServer _smtp = new();

    public async Task InitializeAsync()
    {
        _robot = await RobotReceiver.StartAsync();
        _robot.Secret = Secret;
    }

    public async Task DisposeAsync()
    {
        await _robot.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private async Task<ServiceProvider> PipelineAsync(string dingTalkSecret = Secret) =>
        new ServiceCollection().AddLogging().AddServerlessSyncPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = await Azurite.EnsureRunningAsync(),
            ["Storage:TablePrefix"] = Azurite.UniqueName("t"),
            ["Alerts:DingTalkWebhookUrl"] = _robot.DingTalkUrl,
            ["Alerts:DingTalkSecret"] = dingTalkSecret,
            ["Alerts:FeishuWebhookUrl"] = _robot.FeishuUrl,
            ["Alerts:FeishuSecret"] = Secret,
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Smtp:From"] = "serverlesssync@shop.example",
            ["Alerts:Smtp:To"] = "ops@shop.example",
            ["Alerts:Smtp:UseStartTls"] = "false",
        }).Build()).BuildServiceProvider();

    [Fact]
    public async Task Every_configured_channel_gets_the_alert_and_an_unconfigured_one_is_skipped()
    {
        await using var services = await PipelineAsync();
        var channels = services.GetServices<IAlertChannel>().ToList();

        var sent = await services.GetRequiredService<AlertService>()
            .RaiseAsync(AlertKind.Quarantined, "shop:douyin:100200300", "douyin:100200300:1", "unmapped SKU: SKU-NEW", CancellationToken.None);

        Assert.Equal(["WeCom", "DingTalk", "Feishu", "Email"], channels.Select(c => c.Name));
        Assert.Equal(["DingTalk", "Feishu", "Email"], channels.Where(c => c.IsConfigured).Select(c => c.Name));
        Assert.True(sent);
        Assert.Single(_robot.DingTalk);
        Assert.Contains("unmapped SKU: SKU-NEW", Assert.Single(_robot.Feishu).GetProperty("content").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["ops@shop.example"], Assert.Single(_smtp.Messages).To);
    }

    [Fact]
    public async Task A_channels_refusal_reaches_the_caller_of_the_alert_service()
    {
        await using var services = await PipelineAsync(dingTalkSecret: "SEC-wrong");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<AlertService>()
            .RaiseAsync(AlertKind.Quarantined, "shop:douyin:100200300", "douyin:100200300:2", "bad amounts", CancellationToken.None));

        Assert.Contains("310000", error.Message, StringComparison.Ordinal);
    }
}
