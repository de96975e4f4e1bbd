namespace ServerlessSync.Simulators.Tests.Douyin;

/// <summary>The real simulator host on a free loopback port, shared by the Douyin simulator tests.</summary>
public sealed class DouyinSimulatorFixture : SimulatorFixture<DouyinSimulatorOptions, DouyinOrderStore>;

[CollectionDefinition(Name)]
public sealed class DouyinSimulatorCollection : ICollectionFixture<DouyinSimulatorFixture>
{
    public const string Name = "douyin-simulator";
}
