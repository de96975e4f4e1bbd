using System.Net.Http.Json;
using System.Text.Json;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// DingTalk group robot: POST {"msgtype":"markdown","markdown":{"title","text"}} to the webhook, signed in the URL when a
/// secret is configured. The robot answers {"errcode":0,"errmsg":"ok"} on success and a non-zero errcode (often with
/// HTTP 200) when it refuses, e.g. 310000 for a bad sign or a missing keyword; a refusal throws.
/// </summary>
public sealed class DingTalkAlertChannel(HttpClient http, IOptions<AlertOptions> options, TimeProvider time) : IAlertChannel
{
    public const string HttpClientName = "alerts-dingtalk";

    public string Name => "DingTalk";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.DingTalkWebhookUrl);

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        var url = string.IsNullOrEmpty(o.DingTalkSecret)
            ? o.DingTalkWebhookUrl!
            : DingTalkSignature.SignedUrl(o.DingTalkWebhookUrl!, o.DingTalkSecret, time.GetUtcNow().ToUnixTimeMilliseconds());
        var body = new
        {
            msgtype = "markdown",
            markdown = new { title = message.Title, text = Render(message) },
        };
        using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var (errcode, errmsg) = ReadAnswer(text);
        if (errcode is null)
        {
            response.EnsureSuccessStatusCode();
            throw new InvalidOperationException("DingTalk robot answered without an errcode.");
        }

        if (errcode != 0)
        {
            throw new InvalidOperationException($"DingTalk robot refused the alert: errcode {errcode} {errmsg}");
        }
    }

    /// <summary>DingTalk markdown needs a blank line or a list to break lines.</summary>
    public static string Render(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"### {message.Title}\n\n" + string.Join("\n", AlertText.FieldLines(message, "- "));
    }

    private static (int? Code, string? Message) ReadAnswer(string text)
    {
        try
        {
            using var answer = JsonDocument.Parse(text);
            var root = answer.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var errcode))
            {
                return (errcode, root.TryGetProperty("errmsg", out var msg) ? msg.ToString() : "");
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }
}
