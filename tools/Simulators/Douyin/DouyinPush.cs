namespace ServerlessSync.Simulators.Douyin;

/// <summary>One push exactly as it goes on the wire: the raw body and the <c>app-id</c>/<c>event-sign</c> headers.</summary>
public sealed record DouyinPush(string OrderId, string Tag, string MsgId, byte[] Body, string AppId, string EventSign);
