using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessSync.Pipeline.Alerts;

/// <summary>
/// Feishu custom bot: POST {"msg_type":"text","content":{"text":...}} to the webhook, plus "timestamp" and "sign" when a
/// secret is configured. Success is {"code":0,...} (older bots answer {"StatusCode":0,...}); any other code, e.g. 19021
/// for a bad sign or 9499 for a bad body, is a refusal and throws.
/// </summary>
public sealed class FeishuAlertChannel(HttpClient http, IOptions<AlertOptions> options, TimeProvider time) : IAlertChannel
{
    public const string HttpClientName = "alerts-feishu";

    public string Name => "Feishu";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.FeishuWebhookUrl);

    public async Task SendAsync(AlertMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        var body = new JsonObject();
        if (!string.IsNullOrEmpty(o.FeishuSecret))
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            body["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture);
            body["sign"] = FeishuSignature.Compute(o.FeishuSecret, timestamp);
        }

        body["msg_type"] = "text";
        body["content"] = new JsonObject { ["text"] = Render(message) };
        using var response = await http.PostAsJsonAsync(o.FeishuWebhookUrl, body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var (code, msg) = ReadAnswer(text);
        if (code is null)
        {
            response.EnsureSuccessStatusCode();
            throw new InvalidOperationException("Feishu bot answered without a code.");
        }

        if (code != 0)
        {
            throw new InvalidOperationException($"Feishu bot refused the alert: code {code} {msg}");
        }
    }

    public static string Render(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return $"【{message.Title}】\n" + string.Join("\n", AlertText.FieldLines(message));
    }

    private static (int? Code, string? Message) ReadAnswer(string text)
    {
        try
        {
            using var answer = JsonDocument.Parse(text);
            var root = answer.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty("code", out var code) && code.TryGetInt32(out var value))
            {
                return (value, root.TryGetProperty("msg", out var msg) ? msg.ToString() : "");
            }

            if (root.TryGetProperty("StatusCode", out var status) && status.TryGetInt32(out var legacy))
            {
                return (legacy, root.TryGetProperty("StatusMessage", out var msg) ? msg.ToString() : "");
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }
}
