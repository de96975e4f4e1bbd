using ServerlessSync.Pipeline.Configuration;
namespace ServerlessSync.Pipeline.Events;

/// <summary>Where order events go, bound from <c>ServiceBus</c>. Neither namespace nor connection string set means no events.</summary>
public sealed class ServiceBusEventOptions
{
    public const string SectionName = "ServiceBus";

    /// <summary>e.g. <c>sb-serverlesssync.servicebus.windows.net</c>: managed identity (Azure Service Bus Data Sender on the topic).</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Client id of the user-assigned identity; empty means DefaultAzureCredential's usual chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>A shared-access connection string, for brokers outside Azure RBAC; takes precedence over the namespace.</summary>
    public string? ConnectionString { get; set; }

    public string TopicName { get; set; } = "order-events";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var problem in SettingRules.Secret(nameof(ConnectionString), ConnectionString, required: false))
        {
            yield return problem;
        }

        if (IsConfigured && string.IsNullOrWhiteSpace(TopicName))
        {
            yield return $"{nameof(TopicName)} is empty";
        }
    }
}
