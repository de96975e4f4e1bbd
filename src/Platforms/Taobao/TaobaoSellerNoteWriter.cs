using ServerlessSync.Domain.Platforms.SellerNotes;
using ServerlessSync.Domain.Platforms.Taobao;

namespace ServerlessSync.Pipeline.Platforms.Taobao;

/// <summary>
/// Writes 淘宝's seller memo (loop.md §1): <c>taobao.trade.memo.add</c> (<c>tid</c>, <c>memo</c>) on a trade without one,
/// <c>taobao.trade.memo.update</c> with the whole memo (the shop's text, then ours) on a trade that has one, since update
/// replaces the memo and add cannot be called twice. A memo is at most 1000 bytes. An add the platform refuses (a memo was
/// added, and perhaps cleared, before) is sent again as an update, which also adds a first memo.
/// </summary>
public sealed partial class TaobaoSellerNoteWriter(
    HttpClient http,
    IOptions<TaobaoOptions> options,
    ILogger<TaobaoSellerNoteWriter>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformSellerNoteWriter
{
    public const string HttpClientName = "platform-taobao-note";

    private readonly ILogger log = logger ?? NullLogger<TaobaoSellerNoteWriter>.Instance;

    private TaobaoGateway Gateway => new(http, options.Value, timeProvider ?? TimeProvider.System, log);

    public string Platform => PlatformNames.Taobao;

    public SellerNoteLimit Limit { get; } = new(TaobaoMethods.MaxMemoBytes, InUtf8Bytes: true);

    public async Task WriteAsync(OrderKey key, string? currentNote, string note, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(currentNote))
        {
            try
            {
                await CallAsync(TaobaoMethods.TradeMemoAdd, key, note, cancellationToken);
                return;
            }
            catch (PlatformRequestException ex)
            {
                // TOP refuses a second memo.add on a trade; memo.update below writes the memo whatever came before.
                LogAddRefused(log, key.InstanceId, ex.Message);
            }
        }

        await CallAsync(TaobaoMethods.TradeMemoUpdate, key, note, cancellationToken);
    }

    private Task CallAsync(string method, OrderKey key, string memo, CancellationToken cancellationToken) =>
        Gateway.WriteAsync(method, key.ShopId, new Dictionary<string, string> { ["tid"] = key.OrderId, ["memo"] = memo }, key.InstanceId, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Taobao memo.add for {InstanceId} refused ({Refusal}); writing with memo.update")]
    private static partial void LogAddRefused(ILogger logger, string instanceId, string refusal);
}
