namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>What LoginBySign needs. <paramref name="Lcid"/> 2052 is zh-CN.</summary>
public sealed record KingdeeCredentials(string AcctId, string UserName, string AppId, string AppSecret, int Lcid = 2052)
{
    // The secret must never reach a log through the record's generated ToString.
    public override string ToString() => $"KingdeeCredentials {{ AcctId = {AcctId}, UserName = {UserName}, AppId = {AppId}, Lcid = {Lcid} }}";
}
