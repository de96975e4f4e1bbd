using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServerlessSync.Pipeline.Configuration;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

public static class KuaishouPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="KuaishouOptions"/> from <c>Platforms:Kuaishou</c> and registers <see cref="KuaishouOrderClient"/>
    /// (an <see cref="IPlatformOrderClient"/>) and <see cref="KuaishouOrderLister"/> (an <see cref="IPlatformOrderLister"/>),
    /// each a typed client of its own named HttpClient with the standard resilience handler (retries with backoff,
    /// circuit breaker, timeouts). Both calls are reads, so HTTP-level retries are safe;
    /// <see cref="KuaishouSellerNoteWriter"/> adds a note, so its client does not retry (see <see cref="SellerNoteHttp"/>); nor do
    /// the <see cref="KuaishouShipmentSender"/>'s and the <see cref="KuaishouStockWriter"/>'s (a stock change is an increment).
    /// </summary>
    public static IServiceCollection AddKuaishouPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<KuaishouOptions>(configuration, KuaishouOptions.SectionName, o => o.Problems());
        services.AddHttpClient(KuaishouOrderClient.HttpClientName)
            .AddTypedClient((http, sp) => new KuaishouOrderClient(
                http,
                sp.GetRequiredService<IOptions<KuaishouOptions>>(),
                sp.GetService<ILogger<KuaishouOrderClient>>(),
                sp.GetService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddHttpClient(KuaishouOrderLister.HttpClientName)
            .AddTypedClient((http, sp) => new KuaishouOrderLister(
                http,
                sp.GetRequiredService<IOptions<KuaishouOptions>>(),
                sp.GetService<ILogger<KuaishouOrderLister>>(),
                sp.GetService<TimeProvider>()))
            .AddStandardResilienceHandler();
        services.AddTransient<IPlatformOrderClient>(sp => sp.GetRequiredService<KuaishouOrderClient>());
        services.AddTransient<IPlatformOrderLister>(sp => sp.GetRequiredService<KuaishouOrderLister>());
        services.AddHttpClient(KuaishouSellerNoteWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new KuaishouSellerNoteWriter(
                http,
                sp.GetRequiredService<IOptions<KuaishouOptions>>(),
                sp.GetService<ILogger<KuaishouSellerNoteWriter>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformSellerNoteWriter>(sp => sp.GetRequiredService<KuaishouSellerNoteWriter>());
        services.AddHttpClient(KuaishouShipmentSender.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new KuaishouShipmentSender(
                http,
                sp.GetRequiredService<IOptions<KuaishouOptions>>(),
                sp.GetService<ILogger<KuaishouShipmentSender>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformShipmentSender>(sp => sp.GetRequiredService<KuaishouShipmentSender>());
        services.AddHttpClient(KuaishouStockWriter.HttpClientName, SellerNoteHttp.Configure)
            .AddTypedClient((http, sp) => new KuaishouStockWriter(
                http,
                sp.GetRequiredService<IOptions<KuaishouOptions>>(),
                sp.GetService<ILogger<KuaishouStockWriter>>(),
                sp.GetService<TimeProvider>()));
        services.AddTransient<IPlatformStockWriter>(sp => sp.GetRequiredService<KuaishouStockWriter>());
        return services;
    }
}
