using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

public static class TaobaoPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="TaobaoOptions"/> from <c>Platforms:Taobao</c> and registers <see cref="TaobaoOrderClient"/> and
    /// <see cref="TaobaoOrderLister"/> as typed clients of one named HttpClient (standard resilience: retries with backoff,
    /// circuit breaker, timeouts; both APIs only read), exposed as an <see cref="IPlatformOrderClient"/> and an
    /// <see cref="IPlatformOrderLister"/>, and <see cref="TaobaoSellerNoteWriter"/> (memo writes, not retried by a handler:
    /// see <see cref="SellerNoteHttp"/>), <see cref="TaobaoShipmentSender"/> and <see cref="TaobaoStockWriter"/> likewise. Taobao has no HTTP push (TMC is a WebSocket), so there is no webhook adapter.
    /// </summary>
    public static IServiceCollection AddTaobaoPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TaobaoOptions>(configuration, TaobaoOptions.SectionName, o => o.Problems());
        services.AddHttpClient(TaobaoOrderClient.HttpClientName)
            .AddTypedClient((http, sp) => new TaobaoOrderClient(
                http,
                sp.GetRequiredService<IOptions<TaobaoOptions>>(),
                sp.GetService<ILogger<TaobaoOrderClient>>(),
                sp.GetService<TimeProvider>()))
            .AddTypedClient((http, sp) => new TaobaoOrderLister(
                http,
                sp.GetRequiredService<IOptions<TaobaoOptions>>(),
                sp.GetService<ILogger<TaobaoOrderLister>>(),
                sp.GetService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddTransient<IPlatformOrderClient>(sp => sp.GetRequiredService<TaobaoOrderClient>());
        services.AddTransient<IPlatformOrderLister>(sp => sp.GetRequiredService<TaobaoOrderLister>());
        services.AddHttpClient(TaobaoSellerNoteWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new TaobaoSellerNoteWriter(
                http,
                sp.GetRequiredService<IOptions<TaobaoOptions>>(),
                sp.GetService<ILogger<TaobaoSellerNoteWriter>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformSellerNoteWriter>(sp => sp.GetRequiredService<TaobaoSellerNoteWriter>());
        services.AddHttpClient(TaobaoShipmentSender.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new TaobaoShipmentSender(
                http,
                sp.GetRequiredService<IOptions<TaobaoOptions>>(),
                sp.GetService<ILogger<TaobaoShipmentSender>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformShipmentSender>(sp => sp.GetRequiredService<TaobaoShipmentSender>());
        services.AddHttpClient(TaobaoStockWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new TaobaoStockWriter(
                http,
                sp.GetRequiredService<IOptions<TaobaoOptions>>(),
                sp.GetService<ILogger<TaobaoStockWriter>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformStockWriter>(sp => sp.GetRequiredService<TaobaoStockWriter>());
        return services;
    }
}
