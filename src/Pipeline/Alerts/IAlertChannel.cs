namespace ServerlessSync.Pipeline.Alerts;

/// <summary>One way of telling people (WeCom, DingTalk, Feishu, e-mail).</summary>
public interface IAlertChannel
{
    string Name { get; }

    bool IsConfigured { get; }

    Task SendAsync(AlertMessage message, CancellationToken cancellationToken);
}
