using ServerlessSync.Domain.Platforms.Douyin;

namespace ServerlessSync.Pipeline.Tests.Platforms.Contract;

/// <summary>What the contract checks each platform against: its documented codes and limits (platforms.md, loop.md).</summary>
/// <param name="CredentialSetting">The setting holding the secret that signs or authorises calls.</param>
/// <param name="CredentialRefusal">The code the platform answers a wrong one with.</param>
/// <param name="ThrottleCode">The platform's code for a throttled call, named in the transient failure's message.</param>
/// <param name="UnknownOrder">An order id the platform does not know, and the code it answers with.</param>
/// <param name="MaxWindow">The longest window the platform's list API documents.</param>
/// <param name="MaxPageSize">The largest page the platform's list API documents.</param>
/// <param name="Carrier">A carrier as the platform's delivery API names it.</param>
public sealed record PlatformFacts(
    string Platform, string SettingsSection, string CredentialSetting, string CredentialRefusal, string ThrottleCode,
    (string OrderId, string Code) UnknownOrder, TimeSpan MaxWindow, int MaxPageSize, string Carrier)
{
    public static readonly PlatformFacts Douyin = new(
        PlatformNames.Douyin, DouyinApiOptions.SectionName, nameof(DouyinApiOptions.AppSecret), "isv.signature-invalid", "60000",
        ("6900000000000000000", "50002"), TimeSpan.FromDays(1), DouyinSearchListQuery.MaxPageSize, "shunfeng");

    public static readonly PlatformFacts Kuaishou = new(
        PlatformNames.Kuaishou, KuaishouOptions.SectionName, nameof(KuaishouOptions.SignSecret), "result 28", "802000",
        ("2500000000000001", "ORDER_NOT_EXIST"), KuaishouCursorListQuery.MaxWindow, KuaishouCursorListQuery.MaxPageSize, "4");

    public static readonly PlatformFacts Taobao = new(
        PlatformNames.Taobao, TaobaoOptions.SectionName, nameof(TaobaoOptions.AppSecret), $"code {TaobaoApiError.InvalidSignature}", "code 7",
        ("3500000000000000001", "isv.trade-not-exist"), TaobaoIncrementQuery.MaxSpan, TaobaoIncrementQuery.MaxPageSize, "SF");

    public static readonly PlatformFacts WeChat = new(
        PlatformNames.WeChat, WeChatOptions.SectionName, nameof(WeChatOptions.AppSecret), "40125", "45009",
        ("3700000000000000001", "100002"), WeChatOrderList.MaxWindow, WeChatOrderList.MaxPageSize, "SF");
}
