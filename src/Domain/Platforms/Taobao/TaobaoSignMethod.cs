namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>The TOP <c>sign_method</c> values: <c>md5</c> (the SDKs' default) and <c>hmac</c> (HMAC-MD5).</summary>
public static class TaobaoSignMethod
{
    public const string Md5 = "md5";
    public const string Hmac = "hmac";

    public static bool IsKnown(string? signMethod) => signMethod is Md5 or Hmac;
}
