using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Douyin;

/// <summary>19-digit ids shaped like 抖店 order ids: "69" + unix ms + a 4-digit sequence.</summary>
public sealed class DouyinIdSource(TimeProvider time) : SimIdSource(time, 6_900_000_000_000_000_000, 10_000);
