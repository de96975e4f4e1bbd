using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.TestSupport;

/// <summary>
/// A WeCom group robot on loopback: records every message it is sent (refused ones too) and answers as the robot does,
/// <c>{"errcode":0,"errmsg":"ok"}</c>, or with <see cref="ErrCode"/> when a test sets one.
/// </summary>
public sealed class WeComRobot : IAsyncDisposable
{
    private const string Path = "/cgi-bin/webhook/send";

    private LoopbackServer server = null!;

    private WeComRobot()
    {
    }

    public string Url => server.Root + Path + "?key=test-key";

    public ConcurrentQueue<JsonElement> Messages { get; } = new();

    /// <summary>What the robot answers next; 0 is success.</summary>
    public int ErrCode { get; set; }

    public static async Task<WeComRobot> StartAsync()
    {
        var robot = new WeComRobot();
        robot.server = await LoopbackServer.StartAsync(app => app.MapPost(Path, robot.ReceiveAsync));
        return robot;
    }

    /// <summary>Alerts are sent after the ledger write-back: wait until <paramref name="count"/> arrived (or the time is up).</summary>
    public async Task WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        await Poll.UntilAsync(() => Messages.Count >= count, timeout, TimeSpan.FromMilliseconds(200));

        // Anything more would arrive right behind; a short grace period lets a wrong extra message show up.
        await Task.Delay(500);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        Messages.Enqueue(await JsonSerializer.DeserializeAsync<JsonElement>(request.Body));
        var code = ErrCode;
        return Results.Json(new { errcode = code, errmsg = code == 0 ? "ok" : "invalid webhook url" });
    }
}
