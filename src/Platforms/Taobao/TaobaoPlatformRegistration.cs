namespace ServerlessSync.Pipeline.Platforms.Taobao;

public static class TaobaoPlatformRegistration
{
    /// <summary>
    /// Binds <see cref="TaobaoOptions"/> from <c>Platforms:Taobao</c>; registers <see cref="TaobaoOrderClient"/> and
    /// <see cref="TaobaoOrderLister"/> as readers, <see cref="TaobaoSellerNoteWriter"/> (memo writes),
    /// <see cref="TaobaoShipmentSender"/> and <see cref="TaobaoStockWriter"/> as writers (see
    /// <see cref="PlatformClientRegistration{TOptions}"/>). Taobao has no HTTP push (TMC is a WebSocket), so there is no
    /// webhook adapter.
    /// </summary>
    public static IServiceCollection AddTaobaoPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TaobaoOptions>(configuration, TaobaoOptions.SectionName, o => o.Problems());
        new PlatformClientRegistration<TaobaoOptions>(services)
            .Reader<TaobaoOrderClient, IPlatformOrderClient>(TaobaoOrderClient.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Reader<TaobaoOrderLister, IPlatformOrderLister>(TaobaoOrderLister.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<TaobaoSellerNoteWriter, IPlatformSellerNoteWriter>(TaobaoSellerNoteWriter.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<TaobaoShipmentSender, IPlatformShipmentSender>(TaobaoShipmentSender.HttpClientName, (http, o, log, time) => new(http, o, log, time))
            .Writer<TaobaoStockWriter, IPlatformStockWriter>(TaobaoStockWriter.HttpClientName, (http, o, log, time) => new(http, o, log, time));
        return services;
    }
}
