using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.Taobao;

/// <summary>19-digit ids shaped like Taobao tids/oids: above 2^53, below 2^63 so they stay JSON int64 numbers.</summary>
public sealed class TaobaoIdSource(TimeProvider time) : SimIdSource(time, 3_500_000_000_000_000_000, 1_000);
