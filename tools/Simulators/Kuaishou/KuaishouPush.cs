namespace ServerlessSync.Simulators.Kuaishou;

/// <summary>
/// One push exactly as it goes on the wire: <see cref="Body"/> is the Base64 cipher text; <see cref="Plaintext"/> is the
/// envelope it encrypts, kept for inspection.
/// </summary>
public sealed record KuaishouPush(string OrderId, string Event, string MsgId, byte[] Body, string Plaintext);
