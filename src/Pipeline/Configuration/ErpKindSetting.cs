using Microsoft.Extensions.Configuration;

namespace ServerlessSync.Pipeline.Configuration;

/// <summary>
/// Which ERP the app writes to (<c>Erp:Kind</c>, Kingdee when unset). It chooses which services are registered, so it is
/// read while they are composed; the ERP registration refuses a kind it has no connector for, naming the key.
/// </summary>
public static class ErpKindSetting
{
    public const string Key = "Erp:Kind";

    public const string Default = "Kingdee";

    public static string Of(IConfiguration configuration) => configuration[Key] ?? Default;
}
