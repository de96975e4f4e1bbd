using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServerlessSync.Domain.Orders;
using ServerlessSync.Domain.Platforms.Douyin;
using ServerlessSync.Pipeline.Ports;

namespace ServerlessSync.Pipeline.Platforms.Douyin;

/// <summary>
/// Lists a shop's orders changed in a window through 抖店 <c>order.searchList</c> (by <c>update_time</c>, ascending,
/// 100 a page), signed with the shop's access token. The cursor is the next page number.
/// </summary>
/// <remarks>
/// Page-number paging over a live list can skip an entry when an order on an earlier page changes again while the
/// window is paged (it leaves the window and the rest shift one place forward). The pull's overlap lists recent
/// windows again, and the push covers what changed, so such an order is still seen.
/// </remarks>
public sealed partial class DouyinOrderLister(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinOrderLister>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderLister
{
    public const string HttpClientName = "platform-douyin-list";

    public const int PageSize = DouyinSearchListQuery.MaxPageSize;

    /// <summary>
    /// The reference leaves order.searchList's longest time window unknown. One day is a guess that stays within what
    /// comparable APIs allow (Taobao's increment list: 1 day) and keeps one window's paging short; the simulator enforces
    /// the same limit (<c>Simulators:Douyin:MaxSearchWindowHours</c>, default 24).
    /// </summary>
    public static readonly TimeSpan MaxSearchWindow = TimeSpan.FromDays(1);

    private readonly ILogger logger = logger ?? NullLogger<DouyinOrderLister>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public TimeSpan MaxWindow => MaxSearchWindow;

    public async Task<ChangedOrderPage> ListChangedAsync(string shopId, DateTimeOffset from, DateTimeOffset to, string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApiBaseUrl) || string.IsNullOrWhiteSpace(settings.AppKey) || string.IsNullOrWhiteSpace(settings.AppSecret))
        {
            throw new PlatformRequestException($"{DouyinApiOptions.SectionName} needs ApiBaseUrl, AppKey and AppSecret.");
        }

        if (to - from > MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"order.searchList windows are at most {MaxWindow}.");
        }

        var page = PageFrom(cursor);
        var query = DouyinSearchListQuery.ByUpdateTime(from, to, page, PageSize);
        var signed = DouyinApiSigner.BuildRequest(
            settings.AppKey,
            settings.AppSecret,
            settings.AccessTokenFor(shopId),
            DouyinSearchListQuery.Path,
            query.ToBusinessParams(),
            time.GetUtcNow());
        var uri = new Uri(settings.ApiBaseUrl.TrimEnd('/') + signed.PathAndQuery);

        var (status, body) = await SendAsync(uri, signed.Body, shopId, page, cancellationToken);
        if ((int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            LogHttpFailure(logger, shopId, page, (int)status);
            throw new PlatformTransientException($"Douyin order.searchList for shop {shopId} page {page} answered HTTP {(int)status}.");
        }

        if ((int)status is < 200 or > 299)
        {
            LogHttpFailure(logger, shopId, page, (int)status);
            throw new PlatformRequestException($"Douyin order.searchList for shop {shopId} page {page} answered HTTP {(int)status}.");
        }

        DouyinSearchListResult result;
        try
        {
            result = DouyinSearchListParser.ParseResponse(body);
        }
        catch (FormatException ex)
        {
            throw new PlatformRequestException($"Douyin order.searchList for shop {shopId} page {page} returned an unreadable list: {ex.Message}", ex);
        }

        if (result.Error is { } error)
        {
            LogApiError(logger, shopId, page, error.Code, error.SubCode, error.LogId);
            var message = $"Douyin order.searchList for shop {shopId} page {page} failed: {error}.";
            throw error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
        }

        var listed = result.Page!;
        if (listed.Orders.FirstOrDefault(o => o.ShopId is not null && o.ShopId != shopId) is { } foreign)
        {
            // The access token decides the shop; an order of another shop means Shops:{shopId}:AccessToken is another shop's token.
            throw new PlatformRequestException($"Douyin order.searchList for shop {shopId} returned an order of shop {foreign.ShopId}: check the shop's access token.");
        }

        var next = listed.NextPage(page, PageSize);
        return new ChangedOrderPage(
            listed.Orders.Select(o => new ChangedOrder(o.OrderId, o.UpdatedAt)).ToList(),
            next?.ToString(CultureInfo.InvariantCulture),
            listed.Skipped);
    }

    private static int PageFrom(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        return int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            ? page
            : throw new ArgumentException($"'{cursor}' is not an order.searchList page cursor.", nameof(cursor));
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(Uri uri, string paramJson, string shopId, int page, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(paramJson, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(uri, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or TimeoutException)
        {
            // An HttpClient timeout surfaces as TaskCanceledException without our token being cancelled.
            LogTransportFailure(logger, shopId, page, ex.GetType().Name);
            throw new PlatformTransientException($"Douyin order.searchList for shop {shopId} page {page} failed in transport ({ex.GetType().Name}).", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin order.searchList for shop {ShopId} page {Page} answered HTTP {StatusCode}")]
    private static partial void LogHttpFailure(ILogger logger, string shopId, int page, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin order.searchList for shop {ShopId} page {Page} returned code {Code} sub_code {SubCode} log_id {LogId}")]
    private static partial void LogApiError(ILogger logger, string shopId, int page, long code, string? subCode, string? logId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin order.searchList for shop {ShopId} page {Page} failed in transport: {ExceptionType}")]
    private static partial void LogTransportFailure(ILogger logger, string shopId, int page, string exceptionType);
}
