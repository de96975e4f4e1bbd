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
/// Reads one order through 抖店 <c>order.orderDetail</c>: POST <c>/order/orderDetail</c> with the signed query string and
/// <c>{"shop_order_id": ...}</c> as <c>param_json</c>. Logs and exception messages carry ids and codes only, never buyer data.
/// </summary>
public sealed partial class DouyinOrderClient(
    HttpClient http,
    IOptions<DouyinApiOptions> options,
    ILogger<DouyinOrderClient>? logger = null,
    TimeProvider? timeProvider = null) : IPlatformOrderClient
{
    public const string HttpClientName = "platform-douyin";
    public const string OrderDetailPath = "/order/orderDetail";

    private readonly ILogger logger = logger ?? NullLogger<DouyinOrderClient>.Instance;
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    public string Platform => PlatformNames.Douyin;

    public async Task<Order> GetOrderAsync(OrderKey key, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApiBaseUrl) || string.IsNullOrWhiteSpace(settings.AppKey) || string.IsNullOrWhiteSpace(settings.AppSecret))
        {
            throw new PlatformRequestException($"{DouyinApiOptions.SectionName} needs ApiBaseUrl, AppKey and AppSecret.");
        }

        var signed = DouyinApiSigner.BuildRequest(
            settings.AppKey,
            settings.AppSecret,
            settings.AccessTokenFor(key.ShopId),
            OrderDetailPath,
            new Dictionary<string, string> { ["shop_order_id"] = key.OrderId },
            time.GetUtcNow());
        var uri = new Uri(settings.ApiBaseUrl.TrimEnd('/') + signed.PathAndQuery);

        var (status, body) = await SendAsync(uri, signed.Body, key, cancellationToken);
        if ((int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            LogHttpFailure(logger, key.InstanceId, (int)status);
            throw new PlatformTransientException($"Douyin order.orderDetail for {key.InstanceId} answered HTTP {(int)status}.");
        }

        if ((int)status is < 200 or > 299)
        {
            LogHttpFailure(logger, key.InstanceId, (int)status);
            throw new PlatformRequestException($"Douyin order.orderDetail for {key.InstanceId} answered HTTP {(int)status}.");
        }

        DouyinOrderDetailResult result;
        try
        {
            result = DouyinOrderParser.ParseDetailResponse(body, key.ShopId);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new PlatformRequestException($"Douyin order.orderDetail for {key.InstanceId} returned an unreadable order: {ex.Message}", ex);
        }

        if (result.Error is { } error)
        {
            LogApiError(logger, key.InstanceId, error.Code, error.SubCode, error.LogId);
            var message = $"Douyin order.orderDetail for {key.InstanceId} failed: {error}.";
            throw error.IsTransient ? new PlatformTransientException(message) : new PlatformRequestException(message);
        }

        var order = result.Order!;
        if (order.Key.OrderId != key.OrderId)
        {
            throw new PlatformRequestException($"Douyin order.orderDetail for {key.InstanceId} returned order {order.Key.OrderId}.");
        }

        return order;
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(Uri uri, string paramJson, OrderKey key, CancellationToken cancellationToken)
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
            LogTransportFailure(logger, key.InstanceId, ex.GetType().Name);
            throw new PlatformTransientException($"Douyin order.orderDetail for {key.InstanceId} failed in transport ({ex.GetType().Name}).", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin order.orderDetail for {InstanceId} answered HTTP {StatusCode}")]
    private static partial void LogHttpFailure(ILogger logger, string instanceId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin order.orderDetail for {InstanceId} returned code {Code} sub_code {SubCode} log_id {LogId}")]
    private static partial void LogApiError(ILogger logger, string instanceId, long code, string? subCode, string? logId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Douyin order.orderDetail for {InstanceId} failed in transport: {ExceptionType}")]
    private static partial void LogTransportFailure(ILogger logger, string instanceId, string exceptionType);
}
