namespace ServerlessSync.Simulators.Tests.WeChat;

/// <summary>The real simulator host on a free loopback port, shared by the WeChat simulator tests.</summary>
public sealed class WeChatSimulatorFixture : SimulatorFixture<WeChatSimulatorOptions, WeChatOrderStore>
{
    public WeChatSimTokens Tokens => Services.GetRequiredService<WeChatSimTokens>();
}

[CollectionDefinition(Name)]
public sealed class WeChatSimulatorCollection : ICollectionFixture<WeChatSimulatorFixture>
{
    public const string Name = "wechat-simulator";
}
