namespace ServerlessSync.Simulators.Tests.Taobao;

/// <summary>The real simulator host on a free loopback port, with a raw TOP caller, shared by the Taobao simulator tests.</summary>
public sealed class TaobaoSimulatorFixture : SimulatorFixture<TaobaoSimulatorOptions, TaobaoOrderStore>
{
    public TaobaoCallLog CallLog => Services.GetRequiredService<TaobaoCallLog>();

    public Uri Gateway => Url("taobao/router/rest");

    /// <summary>One signed TOP call, POSTed as a form (or sent as a GET query string).</summary>
    public async Task<(int Status, string Body)> CallAsync(
        string method,
        IReadOnlyDictionary<string, string> business,
        string? secret = null,
        string? session = "default",
        DateTimeOffset? now = null,
        string signMethod = TaobaoSignMethod.Md5,
        bool asGet = false,
        Func<IReadOnlyDictionary<string, string>, IReadOnlyDictionary<string, string>>? tamper = null)
    {
        var request = TaobaoTopRequest.Build(
            Options.AppKey, secret ?? Options.AppSecret, session == "default" ? Options.SessionKey : session,
            method, business, now ?? DateTimeOffset.UtcNow, signMethod);
        var parameters = tamper?.Invoke(request.Parameters) ?? request.Parameters;
        var form = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = asGet
            ? await Http.GetAsync(new Uri(Gateway + "?" + form))
            : await Http.PostAsync(Gateway, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static (long Code, string? SubCode) Error(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var error = doc.RootElement.GetProperty("error_response");
        return (error.GetProperty("code").GetInt64(), error.TryGetProperty("sub_code", out var sub) ? sub.GetString() : null);
    }
}

[CollectionDefinition(Name)]
public sealed class TaobaoSimulatorCollection : ICollectionFixture<TaobaoSimulatorFixture>
{
    public const string Name = "taobao-simulator";
}
