namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary><c>ResponseStatus.MsgCode</c> values as documented by the K/3 Cloud WebAPI.</summary>
public static class KingdeeMsgCodes
{
    public const int Default = 0;

    /// <summary>Context (session) lost. Also what a failed authentication answers.</summary>
    public const int ContextLost = 1;
    public const int NoPermission = 2;
    public const int OperationIdEmpty = 3;
    public const int Exception = 4;
    public const int FormIdEmpty = 5;
    public const int DatabaseFailure = 6;
    public const int LicenceError = 7;
    public const int ParameterError = 8;
    public const int FieldNotFound = 9;
    public const int DataNotFound = 10;
    public const int ValidationFailed = 11;
    public const int NotOperable = 12;

    /// <summary>网控 (network-control) conflict: another user or call holds the object.</summary>
    public const int NetworkControlConflict = 13;

    /// <summary>调用限制: the only throttling signal K/3 Cloud gives.</summary>
    public const int CallLimit = 14;
    public const int AdminLoginForbidden = 15;

    /// <summary>The text K/3 Cloud answers with MsgCode 1.</summary>
    public const string ContextLostMessage = "会话信息已丢失，请重新登录";
}
