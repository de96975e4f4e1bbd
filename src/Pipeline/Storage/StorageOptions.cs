using ServerlessSync.Pipeline.Configuration;

namespace ServerlessSync.Pipeline.Storage;

/// <summary>
/// Where the Inbox, ledger, profiles, intake queue and intake bodies live. Locally a connection string (Azurite);
/// in Azure the service URIs with the app's managed identity, so no key is ever configured.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The one setting that names the intake queue: the writer binds it and the Functions trigger resolves it (%…%).</summary>
    public const string IntakeQueueNameSetting = SectionName + ":" + nameof(IntakeQueueName);

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary>Holds the raw push bodies of each intake batch (the claim check).</summary>
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty means the system identity / developer login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix for every table name; lets tests and several local hubs share one Azurite.</summary>
    public string TablePrefix { get; set; } = "";

    public string IntakeQueueName { get; set; } = IntakeQueueNames.Intake;

    /// <summary>What is wrong with these settings (checked when the app starts).</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var problem in SettingRules.Secret(nameof(ConnectionString), ConnectionString, required: false))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString) && (TableServiceUri is null || QueueServiceUri is null))
        {
            yield return $"{nameof(ConnectionString)} is empty and so is {nameof(TableServiceUri)} or {nameof(QueueServiceUri)}: the app has no storage";
        }

        // Azure queue names: 3-63 lower-case letters, digits and single hyphens; the poison and bodies names add suffixes.
        if (!System.Text.RegularExpressions.Regex.IsMatch(IntakeQueueName ?? "", "^[a-z0-9](?!.*--)[a-z0-9-]{1,48}[a-z0-9]$"))
        {
            yield return $"{nameof(IntakeQueueName)} must be 3-50 lower-case letters, digits and single hyphens (is '{IntakeQueueName}')";
        }
    }
}

public static class IntakeQueueNames
{
    public const string Intake = "orders-intake";

    /// <summary>The Functions queue trigger moves a message here after 5 failed tries; the LocalHost poller does the same.</summary>
    public static string Poison(string queueName) => queueName + "-poison";

    /// <summary>The blob container holding the raw bodies of the queue's batches (queue names are valid container names).</summary>
    public static string Bodies(string queueName) => queueName + "-bodies";
}
