using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

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

    /// <summary>WeCom refuses markdown content over 4096 bytes of UTF-8.</summary>
    public const int MaxContentBytes = 4096;

    /// <summary>Renders the alert; a reason too long for WeCom is cut (with "…") so the ids and time still arrive.</summary>
    public static string Render(AlertMessage m)
    {
        var content = Compose(m, m.Reason);
        if (Encoding.UTF8.GetByteCount(content) <= MaxContentBytes)
        {
            return content;
        }

        const string ellipsis = "…";
        var budget = MaxContentBytes - Encoding.UTF8.GetByteCount(Compose(m, ellipsis));
        var reason = m.Reason;
        var keep = 0;
        while (keep < reason.Length && budget > 0)
        {
            var width = char.IsSurrogatePair(reason, keep) ? 2 : 1;
            var bytes = Encoding.UTF8.GetByteCount(reason.AsSpan(keep, width));
            if (bytes > budget)
            {
                break;
            }

            budget -= bytes;
            keep += width;
        }

        return Compose(m, reason[..keep] + ellipsis);
    }

    private static string Compose(AlertMessage m, string reason) =>
        $"## <font color=\"warning\">{m.Title}</font>\n" +
        $"> 目标 Target: {m.Target}\n" +
        $"> 订单 Order: {m.InstanceId}\n" +
        $"> 原因 Reason: {reason}\n" +
        $"> 时间 Time: {m.At:yyyy-MM-dd HH:mm:ss} UTC";
}
