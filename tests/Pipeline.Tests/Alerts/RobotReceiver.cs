using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ServerlessSync.Pipeline.Tests.Alerts;

/// <summary>
/// DingTalk and Feishu robots on loopback: they record every POST and check the signature the way the platforms do
/// (computed here independently of the code under test), answering in each platform's own format.
/// </summary>
internal sealed class RobotReceiver : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    private RobotReceiver()
    {
    }

    public string Root => _server.Root;

    public string DingTalkUrl => Root + "/robot/send?access_token=test-token";

    public string FeishuUrl => Root + "/open-apis/bot/v2/hook/test-hook";

    /// <summary>The secret the robot checks signatures with; null = the robot has no 加签/签名校验.</summary>
    public string? Secret { get; set; }

    /// <summary>Feishu answers like an older bot: {"StatusCode":0,...}.</summary>
    public bool FeishuLegacyAnswer { get; set; }

    /// <summary>Feishu refuses every message with this code (e.g. 9499 bad request); 0 = no forced refusal.</summary>
    public int FeishuForcedCode { get; set; }

    public ConcurrentQueue<(string Query, JsonElement Body)> DingTalk { get; } = new();

    public ConcurrentQueue<JsonElement> Feishu { get; } = new();

    public static async Task<RobotReceiver> StartAsync()
    {
        var receiver = new RobotReceiver();
        receiver._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/robot/send", receiver.DingTalkAsync);
            app.MapPost("/open-apis/bot/v2/hook/{hook}", receiver.FeishuAsync);
        });
        return receiver;
    }

    public static string Hmac(byte[] key, byte[] data) => Convert.ToBase64String(HMACSHA256.HashData(key, data));

    private async Task<IResult> DingTalkAsync(HttpRequest request)
    {
        var body = await JsonDocument.ParseAsync(request.Body);
        DingTalk.Enqueue((request.QueryString.Value ?? "", body.RootElement.Clone()));
        if (request.Query["access_token"] != "test-token")
        {
            return Results.Json(new { errcode = 300001, errmsg = "token is not exist" });
        }

        if (Secret is not null)
        {
            // The query is URL-decoded here, as DingTalk decodes it: a sign sent without encoding loses its '+'.
            var timestamp = request.Query["timestamp"].ToString();
            var sign = request.Query["sign"].ToString();
            var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ms) < 3_600_000;
            var expected = Hmac(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "\n" + Secret));
            if (!fresh || sign != expected)
            {
                return Results.Json(new { errcode = 310000, errmsg = "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]" });
            }
        }

        return Results.Json(new { errcode = 0, errmsg = "ok" });
    }

    private async Task<IResult> FeishuAsync(HttpRequest request)
    {
        var body = (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone();
        Feishu.Enqueue(body);
        if (Secret is not null)
        {
            var timestamp = body.TryGetProperty("timestamp", out var t) ? t.GetString() ?? "" : "";
            var sign = body.TryGetProperty("sign", out var s) ? s.GetString() : null;
            var fresh = long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) < 3600;
            var expected = Hmac(Encoding.UTF8.GetBytes(timestamp + "\n" + Secret), []);
            if (!fresh || sign != expected)
            {
                return Results.Json(new { code = 19021, data = new { }, msg = "sign match fail or timestamp is not within one hour from current time" });
            }
        }

        if (FeishuForcedCode != 0)
        {
            return Results.Json(new { code = FeishuForcedCode, data = new { }, msg = "Bad Request" });
        }

        return FeishuLegacyAnswer
            ? Results.Content("""{"Extra":null,"StatusCode":0,"StatusMessage":"success"}""", "application/json")
            : Results.Json(new { code = 0, data = new { }, msg = "success" });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
