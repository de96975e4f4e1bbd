namespace ServerlessSync.Simulators.Tests.Kuaishou;

/// <summary>The real simulator host on a free loopback port, shared by the Kuaishou simulator tests.</summary>
public sealed class KuaishouSimulatorFixture : SimulatorFixture<KuaishouSimulatorOptions, KuaishouOrderStore>;

[CollectionDefinition(Name)]
public sealed class KuaishouSimulatorCollection : ICollectionFixture<KuaishouSimulatorFixture>
{
    public const string Name = "kuaishou-simulator";
}
