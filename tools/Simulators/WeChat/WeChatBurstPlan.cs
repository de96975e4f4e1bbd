using ServerlessSync.Simulators.Bursts;

namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// A WeChat live-room burst: <c>channels_ec_order_new</c> then <c>channels_ec_order_pay</c> for each order. A duplicate
/// is a WeChat retry (same message, new signature); out of order sends the pay push before the new-order push.
/// </summary>
public sealed record WeChatBurstPlan : BurstPlan;
