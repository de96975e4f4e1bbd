using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using ServerlessSync.TestSupport;

namespace ServerlessSync.HubTestSupport;

/// <summary>A group-robot webhook on loopback that records what it is sent and answers like WeCom/DingTalk ({"errcode":0}).</summary>
public sealed class RobotReceiver : IAsyncDisposable
{
    private readonly WebApplication app;

    private RobotReceiver(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<JsonElement> Messages { get; } = new();

    public static async Task<RobotReceiver> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var receiver = new RobotReceiver(app, url + "/cgi-bin/webhook/send?key=test");
        app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request) =>
        {
            receiver.Messages.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        return receiver;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
