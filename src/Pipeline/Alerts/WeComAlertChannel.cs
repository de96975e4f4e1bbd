using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// WeCom group robot: POST {"msgtype":"markdown","markdown":{"content":...}} to the robot's webhook URL;
/// the robot answers {"errcode":0,"errmsg":"ok"} on success (HTTP 200 even on failure).
/// </summary>
public sealed class WeComAlertChannel(HttpClient http, IOptions<AlertOptions> options) : IAlertChannel
{
    public const string HttpClientName = "alerts-wecom";

    public string Name => "WeCom";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.WeComWebhookUrl);

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        var body = new
        {
            msgtype = "markdown",
            markdown = new { content = Render(message) },
        };
        using var response = await http.PostAsJsonAsync(options.Value.WeComWebhookUrl, body, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var errcode = answer.RootElement.TryGetProperty("errcode", out var code) ? code.GetInt32() : -1;
        if (errcode != 0)
        {
            var errmsg = answer.RootElement.TryGetProperty("errmsg", out var msg) ? msg.GetString() : "";
            throw new InvalidOperationException($"WeCom robot refused the alert: errcode {errcode} {errmsg}");
        }
    }

    public static string Render(AlertMessage m) =>
        $"## <font color=\"warning\">{m.Title}</font>\n" +
        $"> 目标 Target: {m.Target}\n" +
        $"> 订单 Order: {m.InstanceId}\n" +
        $"> 原因 Reason: {m.Reason}\n" +
        $"> 时间 Time: {m.At:yyyy-MM-dd HH:mm:ss} UTC";
}
