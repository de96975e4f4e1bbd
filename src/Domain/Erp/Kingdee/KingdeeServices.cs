namespace ServerlessSync.Domain.Erp.Kingdee;

/// <summary>
/// K/3 Cloud WebAPI service names. Every call is <c>POST {BaseUrl}{ServiceName}.common.kdsvc</c> with a JSON body,
/// where BaseUrl is the customer's own site, e.g. <c>http://host/k3cloud/</c>.
/// </summary>
public static class KingdeeServices
{
    public const string LoginBySign = "Kingdee.BOS.WebApi.ServicesStub.AuthService.LoginBySign";
    public const string Save = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Save";

    /// <summary>Save of several bills in one call: <c>Model</c> is an array; answers carry <c>DIndex</c> per input row.</summary>
    public const string BatchSave = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.BatchSave";
    public const string Submit = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Submit";
    public const string Audit = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Audit";
    public const string UnAudit = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.UnAudit";
    public const string Delete = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.Delete";
    public const string ExecuteBillQuery = "Kingdee.BOS.WebApi.ServicesStub.DynamicFormService.ExecuteBillQuery";

    public const string Suffix = ".common.kdsvc";

    /// <summary>The relative path of a service, e.g. <c>Kingdee...Save.common.kdsvc</c>.</summary>
    public static string Path(string serviceName) => serviceName + Suffix;

    /// <summary>The absolute URL of a service under the site's base URL (a missing trailing slash is added).</summary>
    public static Uri Url(Uri baseUrl, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var text = baseUrl.AbsoluteUri;
        var normalized = text.EndsWith('/') ? baseUrl : new Uri(text + "/");
        return new Uri(normalized, Path(serviceName));
    }
}
