using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.Alerts;

public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>WeCom (企业微信) group robot webhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...</summary>
    public string? WeComWebhookUrl { get; set; }

    /// <summary>DingTalk (钉钉) group robot webhook: https://oapi.dingtalk.com/robot/send?access_token=...</summary>
    public string? DingTalkWebhookUrl { get; set; }

    /// <summary>The robot's 加签 secret (SEC...); when set, every call is signed with timestamp and sign.</summary>
    public string? DingTalkSecret { get; set; }

    /// <summary>Feishu (飞书) custom bot webhook: https://open.feishu.cn/open-apis/bot/v2/hook/...</summary>
    public string? FeishuWebhookUrl { get; set; }

    /// <summary>The bot's 签名校验 secret; when set, every message carries timestamp and sign.</summary>
    public string? FeishuSecret { get; set; }

    /// <summary>E-mail through an SMTP server; sent when Smtp:Host is set.</summary>
    public SmtpAlertOptions Smtp { get; set; } = new();

    public int FailureThreshold { get; set; } = 3;

    public int DedupeMinutes { get; set; } = 10;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems() =>
        SettingRules.AbsoluteUrl(nameof(WeComWebhookUrl), WeComWebhookUrl, required: false)
            .Concat(SettingRules.AbsoluteUrl(nameof(DingTalkWebhookUrl), DingTalkWebhookUrl, required: false))
            .Concat(SettingRules.Secret(nameof(DingTalkSecret), DingTalkSecret, required: false))
            .Concat(SettingRules.AbsoluteUrl(nameof(FeishuWebhookUrl), FeishuWebhookUrl, required: false))
            .Concat(SettingRules.Secret(nameof(FeishuSecret), FeishuSecret, required: false))
            .Concat(SettingRules.Secret(SettingRules.Key(nameof(Smtp), nameof(Smtp.Password)), Smtp.Password, required: !string.IsNullOrWhiteSpace(Smtp.UserName)))
            .Concat(SettingRules.AtLeast(SettingRules.Key(nameof(Smtp), nameof(Smtp.Port)), Smtp.Port, 1))
            .Concat(SettingRules.AtLeast(nameof(FailureThreshold), FailureThreshold, 1))
            .Concat(SettingRules.AtLeast(nameof(DedupeMinutes), DedupeMinutes, 0));
}
