namespace ServerlessSync.Simulators.WeChat;

/// <summary>
/// One push exactly as it goes on the wire: the query string (<c>signature, timestamp, nonce, encrypt_type=aes,
/// msg_signature</c>) and the JSON body <c>{ToUserName, Encrypt}</c>; <see cref="Plaintext"/> is the message before
/// encryption and <see cref="MsgKey"/> the stable id a receiver derives from it (event, order, CreateTime).
/// </summary>
public sealed record WeChatPush(string OrderId, string Event, string MsgKey, string Plaintext, string Query, byte[] Body);
