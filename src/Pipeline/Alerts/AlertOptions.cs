namespace ServerlessSync.Pipeline.Alerts;

public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>WeCom (企业微信) group robot webhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...</summary>
    public string? WeComWebhookUrl { get; set; }

    public int FailureThreshold { get; set; } = 3;

    public int DedupeMinutes { get; set; } = 10;
}
