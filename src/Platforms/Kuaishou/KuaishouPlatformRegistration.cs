using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Platforms.Kuaishou;

public static class KuaishouPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="KuaishouOptions"/> from <c>Platforms:Kuaishou</c>; registers <see cref="KuaishouOrderClient"/> and
    /// <see cref="KuaishouOrderLister"/> as readers, <see cref="KuaishouSellerNoteWriter"/> (it adds a note),
    /// <see cref="KuaishouShipmentSender"/> and <see cref="KuaishouStockWriter"/> (a stock change is an increment) as writers
    /// (see <see cref="PlatformClientRegistration{TOptions}"/>), and the <see cref="KuaishouWebhookAdapter"/> for pushes.
    /// </summary>
    public static IServiceCollection AddKuaishouPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<KuaishouOptions>(configuration, KuaishouOptions.SectionName, o => o.Problems());
        new PlatformClientRegistration<KuaishouOptions>(services)
            .Reader<KuaishouOrderClient, IPlatformOrderClient>(KuaishouOrderClient.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Reader<KuaishouOrderLister, IPlatformOrderLister>(KuaishouOrderLister.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<KuaishouSellerNoteWriter, IPlatformSellerNoteWriter>(KuaishouSellerNoteWriter.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<KuaishouShipmentSender, IPlatformShipmentSender>(KuaishouShipmentSender.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<KuaishouStockWriter, IPlatformStockWriter>(KuaishouStockWriter.HttpClientName, (http, o, log, time) => new(http, o, log, time));
        services.AddSingleton<IWebhookAdapter, KuaishouWebhookAdapter>();
        return services;
    }
}
