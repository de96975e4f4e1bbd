using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using ServerlessSync.Simulators;
using ServerlessSync.Simulators.Douyin;

namespace ServerlessSync.Functions.Tests.Support;

public static class Pushes
{
    private static readonly DouyinIdSource Ids = new(TimeProvider.System);

    /// <summary>A fresh simulated 抖店 order and its genuine signed "paid" push (tag 101).</summary>
    public static (DouyinSimOrder Order, DouyinPush Push) DouyinPaid(string appKey = FunctionsTestApp.DouyinAppKey, string appSecret = FunctionsTestApp.DouyinAppSecret)
    {
        var order = DouyinOrderGenerator.Create(new Random(7), Ids, DemoCatalog.ShopId, DateTimeOffset.UtcNow);
        var push = DouyinPushBuilder.Build(appKey, appSecret, order, DouyinPushTags.TradePaid, "msg-" + Guid.NewGuid().ToString("N"));
        return (order, push);
    }

    /// <summary>The push as the Functions ASP.NET Core integration hands it to the trigger: a real <see cref="HttpRequest"/>.</summary>
    public static HttpRequest Request(DouyinPush push) =>
        Request("POST", push.Body, new Dictionary<string, string> { [DouyinPushAck.AppIdHeader] = push.AppId, [DouyinPushAck.SignHeader] = push.EventSign });

    public static HttpRequest Request(string method, byte[]? body = null, IDictionary<string, string>? headers = null, string path = "/api")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = "application/json";
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    /// <summary>Executes a function's result the way ASP.NET Core does and returns what goes on the wire.</summary>
    public static async Task<(int Status, string ContentType, string Body)> ExecuteAsync(IActionResult result)
    {
        var (status, contentType, body, _) = await ExecuteWithHeadersAsync(result);
        return (status, contentType, body);
    }

    public static async Task<(int Status, string ContentType, string Body, IHeaderDictionary Headers)> ExecuteWithHeadersAsync(IActionResult result)
    {
        var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.ContentType ?? "", Encoding.UTF8.GetString(body.ToArray()), context.Response.Headers);
    }
}
