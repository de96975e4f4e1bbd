using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Platforms.WeChat;

public static class WeChatPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="WeChatOptions"/> from <c>Platforms:WeChat</c>; registers the token client and the API client on
    /// their own named HttpClients (standard resilience: retries with backoff, circuit breaker, timeouts; every call made is
    /// a read, or merchantnotes/update, which replaces the note with the same text when resent, so retrying is safe), the
    /// shared token cache, the order client and lister as an <see cref="IPlatformOrderClient"/> and an
    /// <see cref="IPlatformOrderLister"/>, the <see cref="WeChatSellerNoteWriter"/> and the <see cref="WeChatShipmentSender"/>; and the
    /// <see cref="WeChatStockWriter"/> on a WeChatApi of its own whose HttpClient does not retry (its stock changes are increments);
    /// and the <see cref="WeChatWebhookAdapter"/> for pushes and the URL verification.
    /// </summary>
    public static IServiceCollection AddWeChatPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WeChatOptions>(configuration, WeChatOptions.SectionName, o => o.Problems());
        services.AddSingleton(sp => new WeChatAccessTokenCache(sp.GetService<TimeProvider>()));
        services.AddHttpClient(WeChatTokenClient.HttpClientName)
            .AddTypedClient((http, sp) => new WeChatTokenClient(http, sp.GetService<ILogger<WeChatTokenClient>>()))
            .AddStandardResilienceHandler();
        services.AddHttpClient(WeChatApi.HttpClientName)
            .AddTypedClient((http, sp) => new WeChatApi(
                http,
                sp.GetRequiredService<IOptions<WeChatOptions>>(),
                sp.GetRequiredService<WeChatTokenClient>(),
                sp.GetRequiredService<WeChatAccessTokenCache>(),
                sp.GetService<ILogger<WeChatApi>>()))
            .AddStandardResilienceHandler();
        services.AddTransient<WeChatOrderClient>();
        services.AddTransient<WeChatOrderLister>();
        services.AddTransient<IPlatformOrderClient>(sp => sp.GetRequiredService<WeChatOrderClient>());
        services.AddTransient<IPlatformOrderLister>(sp => sp.GetRequiredService<WeChatOrderLister>());
        services.AddTransient<IPlatformSellerNoteWriter, WeChatSellerNoteWriter>();
        services.AddTransient<IPlatformShipmentSender, WeChatShipmentSender>();
        services.AddHttpClient(WeChatStockWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new WeChatStockWriter(new WeChatApi(
                http,
                sp.GetRequiredService<IOptions<WeChatOptions>>(),
                sp.GetRequiredService<WeChatTokenClient>(),
                sp.GetRequiredService<WeChatAccessTokenCache>(),
                sp.GetService<ILogger<WeChatApi>>())));
        services.AddTransient<IPlatformStockWriter>(sp => sp.GetRequiredService<WeChatStockWriter>());
        services.AddSingleton<IWebhookAdapter, WeChatWebhookAdapter>();
        return services;
    }
}
