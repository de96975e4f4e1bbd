using ServerlessSync.Simulators.Core;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// 19-digit ids shaped like 微信小店 order ids ("37" + unix ms + a 4-digit sequence, e.g. 3717...): all above 2^53, so a
/// reader that goes through a double would corrupt them.
/// </summary>
public sealed class WeChatIdSource(TimeProvider time) : SimIdSource(time, 3_700_000_000_000_000_000, 10_000);
