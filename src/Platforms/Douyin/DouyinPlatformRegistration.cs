using ServerlessSync.Pipeline.Intake;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

public static class DouyinPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="DouyinApiOptions"/> from <c>Platforms:Douyin</c>; registers <see cref="DouyinOrderClient"/> and
    /// <see cref="DouyinOrderLister"/> (order.searchList) as readers, <see cref="DouyinSellerNoteWriter"/>,
    /// <see cref="DouyinShipmentSender"/> and <see cref="DouyinStockWriter"/> as writers (see
    /// <see cref="PlatformClientRegistration{TOptions}"/>), and the <see cref="DouyinWebhookAdapter"/> for pushes.
    /// </summary>
    public static IServiceCollection AddDouyinPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DouyinApiOptions>(configuration, DouyinApiOptions.SectionName, o => o.Problems());
        new PlatformClientRegistration<DouyinApiOptions>(services)
            .Reader<DouyinOrderClient, IPlatformOrderClient>(DouyinOrderClient.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Reader<DouyinOrderLister, IPlatformOrderLister>(DouyinOrderLister.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<DouyinSellerNoteWriter, IPlatformSellerNoteWriter>(DouyinSellerNoteWriter.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<DouyinShipmentSender, IPlatformShipmentSender>(DouyinShipmentSender.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<DouyinStockWriter, IPlatformStockWriter>(DouyinStockWriter.HttpClientName, (http, o, log, time) => new(http, o, log, time));
        services.AddSingleton<IWebhookAdapter, DouyinWebhookAdapter>();
        return services;
    }
}
