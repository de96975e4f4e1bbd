using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>16-digit ids shaped like 快手 order ids (e.g. 2607602240240301): a base plus unix ms × 100 plus a sequence.</summary>
public sealed class KuaishouIdSource(TimeProvider time) : SimIdSource(time, 2_500_000_000_000_000, 100);
