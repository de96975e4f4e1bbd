using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

public static class DouyinPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="DouyinApiOptions"/> from <c>Platforms:Douyin</c> and registers <see cref="DouyinOrderClient"/> as a
    /// typed client of its own named HttpClient (standard resilience: retries with backoff, circuit breaker, timeouts),
    /// exposed as one of the <see cref="IPlatformOrderClient"/>s; likewise <see cref="DouyinOrderLister"/> (order.searchList,
    /// a read, so retried safely) as one of the <see cref="IPlatformOrderLister"/>s, and <see cref="DouyinSellerNoteWriter"/>,
    /// <see cref="DouyinShipmentSender"/> and <see cref="DouyinStockWriter"/> (writes: not retried by the handler, see
    /// <see cref="SellerNoteHttp"/>).
    /// </summary>
    public static IServiceCollection AddDouyinPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DouyinApiOptions>(configuration, DouyinApiOptions.SectionName, o => o.Problems());
        services.AddHttpClient(DouyinOrderClient.HttpClientName)
            .AddTypedClient((http, sp) => new DouyinOrderClient(
                http,
                sp.GetRequiredService<IOptions<DouyinApiOptions>>(),
                sp.GetService<ILogger<DouyinOrderClient>>(),
                sp.GetService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddTransient<IPlatformOrderClient>(sp => sp.GetRequiredService<DouyinOrderClient>());
        services.AddHttpClient(DouyinOrderLister.HttpClientName)
            .AddTypedClient((http, sp) => new DouyinOrderLister(
                http,
                sp.GetRequiredService<IOptions<DouyinApiOptions>>(),
                sp.GetService<ILogger<DouyinOrderLister>>(),
                sp.GetService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddTransient<IPlatformOrderLister>(sp => sp.GetRequiredService<DouyinOrderLister>());
        services.AddHttpClient(DouyinSellerNoteWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new DouyinSellerNoteWriter(
                http,
                sp.GetRequiredService<IOptions<DouyinApiOptions>>(),
                sp.GetService<ILogger<DouyinSellerNoteWriter>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformSellerNoteWriter>(sp => sp.GetRequiredService<DouyinSellerNoteWriter>());
        services.AddHttpClient(DouyinShipmentSender.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new DouyinShipmentSender(
                http,
                sp.GetRequiredService<IOptions<DouyinApiOptions>>(),
                sp.GetService<ILogger<DouyinShipmentSender>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformShipmentSender>(sp => sp.GetRequiredService<DouyinShipmentSender>());
        services.AddHttpClient(DouyinStockWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new DouyinStockWriter(
                http,
                sp.GetRequiredService<IOptions<DouyinApiOptions>>(),
                sp.GetService<ILogger<DouyinStockWriter>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformStockWriter>(sp => sp.GetRequiredService<DouyinStockWriter>());
        return services;
    }
}
