using static ServerlessSync.Infra.Tests.Support.TemplateJson;

namespace ServerlessSync.Infra.Tests;

/// <summary>The security properties of the compiled deployment: identity everywhere, no keys, no plain secrets.</summary>
public sealed class TemplateSecurityTests
{
    [Fact]
    public void Storage_refuses_shared_keys_and_plain_http_and_requires_tls_1_2()
    {
        // The app's account and the task hub's dedicated one come from the same module.
        var accounts = CompiledTemplate.AllResources().Where(r => (string?)r.Resource["type"] == "Microsoft.Storage/storageAccounts").ToList();

        Assert.Equal(["storage", "taskHubStorage"], accounts.Select(a => a.Module).Order());
        Assert.All(accounts, a =>
        {
            Assert.False(Flag(Property(a.Resource, "allowSharedKeyAccess")));
            Assert.Equal("TLS1_2", Text(Property(a.Resource, "minimumTlsVersion")));
            Assert.True(Flag(Property(a.Resource, "supportsHttpsTrafficOnly")));
            Assert.False(Flag(Property(a.Resource, "allowBlobPublicAccess")));
        });
    }

    [Fact]
    public void Storage_has_the_intake_queue_and_its_poison_queue()
    {
        var queueNames = CompiledTemplate.Main["resources"]!["storage"]!["properties"]!["parameters"]!["queueNames"]!["value"]!.AsArray().Select(n => (string?)n).ToList();

        Assert.Equal(["[variables('intakeQueueName')]", "[format('{0}-poison', variables('intakeQueueName'))]"], queueNames);
        Assert.Equal("orders-intake", (string?)CompiledTemplate.Main["variables"]!["intakeQueueName"]);
        Assert.All(
            CompiledTemplate.AllResources().Where(r => (string?)r.Resource["type"] == "Microsoft.Storage/storageAccounts/queueServices/queues"),
            r => Assert.Contains(r.Module, new[] { "storage", "taskHubStorage" })); // the task hub's account gets none: queueNames []
    }

    [Fact]
    public void The_function_app_runs_on_flex_consumption_as_dotnet_10_isolated_with_only_the_user_assigned_identity()
    {
        var plan = Single("Microsoft.Web/serverfarms");
        var site = Single("Microsoft.Web/sites");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal("dotnet-isolated", Text(Property(site, "functionAppConfig.runtime.name")));
        Assert.Equal("10.0", Text(Property(site, "functionAppConfig.runtime.version")));
        Assert.Equal("blobContainer", Text(Property(site, "functionAppConfig.deployment.storage.type")));
        Assert.Equal("UserAssignedIdentity", Text(Property(site, "functionAppConfig.deployment.storage.authentication.type")));
        Assert.NotNull(Property(site, "functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        Assert.Equal("[parameters('identityResourceId')]", Text(Property(site, "keyVaultReferenceIdentity")));
    }

    [Fact]
    public void The_function_app_is_https_only_without_ftp_and_without_basic_publishing_credentials()
    {
        var site = Single("Microsoft.Web/sites");
        var policies = CompiledTemplate.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True(Flag(Property(site, "httpsOnly")));
        Assert.Equal("Disabled", Text(Property(site, "siteConfig.ftpsState")));
        Assert.Equal("1.2", Text(Property(site, "siteConfig.minTlsVersion")));
        Assert.Equal(["ftp", "scm"], policies.Select(p => System.Text.RegularExpressions.Regex.Match((string?)p["name"] ?? "", @"'(\w+)'\)\]$").Groups[1].Value).Order());
        Assert.All(policies, p => Assert.False(Flag(Property(p, "allow"))));
    }

    [Fact]
    public void Application_insights_and_its_workspace_accept_entra_id_only()
    {
        var appInsights = Single("Microsoft.Insights/components");
        var workspace = Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(Flag(Property(appInsights, "DisableLocalAuth")));
        Assert.NotNull(Text(Property(appInsights, "WorkspaceResourceId")));
        Assert.True(Flag(Property(workspace, "features.disableLocalAuth")));
    }

    [Fact]
    public void Service_bus_has_local_auth_disabled_and_an_order_events_topic_that_drops_duplicate_message_ids()
    {
        var serviceBus = Single("Microsoft.ServiceBus/namespaces");
        var topic = Single("Microsoft.ServiceBus/namespaces/topics");
        var module = CompiledTemplate.Module("serviceBus");

        Assert.True(Flag(Property(serviceBus, "disableLocalAuth")));
        Assert.Equal("order-events", (string?)module["parameters"]!["topicName"]!["defaultValue"]);
        Assert.True(Flag(Property(topic, "requiresDuplicateDetection")));
        Assert.Contains("enableServiceBus", (string?)CompiledTemplate.Main["resources"]!["serviceBus"]!["condition"]);
    }

    [Fact]
    public void Key_vault_uses_azure_rbac_and_no_access_policies()
    {
        var vault = Single("Microsoft.KeyVault/vaults");

        Assert.True(Flag(Property(vault, "enableRbacAuthorization")));
        Assert.Null(Property(vault, "accessPolicies"));
        Assert.True(Flag(Property(vault, "enableSoftDelete")));
    }

    [Fact]
    public void Every_role_assignment_has_a_deterministic_guid_name_from_scope_principal_and_role()
    {
        var assignments = CompiledTemplate.OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.Equal(6, assignments.Count); // one loop per scope: storage, task-hub storage, Key Vault, monitoring, Service Bus topic and namespace
        Assert.All(assignments, a =>
        {
            var name = (string?)a["name"] ?? "";
            Assert.StartsWith("[guid(", name, StringComparison.Ordinal);
            Assert.Contains(".principalId", name, StringComparison.Ordinal);
            Assert.Contains(".roleDefinitionId", name, StringComparison.Ordinal);
            Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', {0}.roleDefinitionId)]", NormalizeLoopItem((string?)a["properties"]!["roleDefinitionId"]));
        });
    }

    [Fact]
    public void The_app_identity_gets_exactly_the_data_plane_roles_it_uses()
    {
        var variables = CompiledTemplate.Main["variables"]!;
        var roleIds = variables["roleIds"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value);
        var granted = variables["appRoles"]!.AsObject().SelectMany(p => p.Value!.AsArray().Select(r => (string?)r)).ToList();

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["storageBlobDataOwner"] = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
                ["storageQueueDataContributor"] = "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
                ["storageTableDataContributor"] = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
                ["keyVaultSecretsUser"] = "4633458b-17de-408a-b874-0445c86b69e6",
                ["monitoringMetricsPublisher"] = "3913510d-42f4-4e42-8a64-420c390055eb",
                ["serviceBusDataSender"] = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
                ["storageBlobDataReader"] = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
                ["keyVaultSecretsOfficer"] = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
                ["serviceBusDataReceiver"] = "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
            },
            roleIds);
        string[] appRoleNames = ["storageBlobDataOwner", "storageQueueDataContributor", "storageTableDataContributor", "keyVaultSecretsUser", "monitoringMetricsPublisher", "serviceBusDataSender"];
        Assert.Equal(appRoleNames.Select(k => $"[variables('roleIds').{k}]").Order(), granted.Order());
    }

    [Fact]
    public void No_storage_key_no_list_keys_and_no_connection_string_with_a_key_anywhere()
    {
        var text = CompiledTemplate.Main.ToJsonString();

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'AzureWebJobsStorage'", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_secret_setting_is_a_key_vault_reference_and_no_secret_value_reaches_an_app_setting()
    {
        var secretNames = new[] { "Secret", "Password", "AccessToken", "SessionKey", "MessageKey", "EncodingAesKey", "WebhookUrl", "SignSecret" };
        var settings = BicepAppSettings.Instance.AllSettings().ToList();
        var secrets = settings.Where(s => secretNames.Any(n => s.Key.EndsWith(n, StringComparison.Ordinal)) || s.Key.EndsWith("__Token", StringComparison.Ordinal)).ToList();

        Assert.True(secrets.Count >= 20, $"expected the platform, ERP and alert secrets, found {secrets.Count}");
        Assert.All(secrets, s => Assert.StartsWith("[__bicep.secretRef(parameters('keyVaultUri'), parameters('availableSecretNames'), '", s.Value, StringComparison.Ordinal));
        var module = CompiledTemplate.Module("functionApp");
        Assert.All(module["parameters"]!.AsObject(), p => Assert.NotEqual("securestring", (string?)p.Value!["type"]));
        Assert.Equal(
            "[if(contains(parameters('availableSecretNames'), parameters('name')), format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', parameters('vaultUri'), parameters('name')), '')]",
            (string?)module["functions"]![0]!["members"]!["secretRef"]!["output"]!["value"]);
    }

    [Fact]
    public void Every_secret_the_settings_reference_can_be_written_by_the_deployment()
    {
        var writable = CompiledTemplate.Main["variables"]!["fixedSecrets"]!.AsObject().Select(p => p.Key).ToHashSet();
        var referenced = BicepAppSettings.Instance.AllSettings()
            .Select(s => System.Text.RegularExpressions.Regex.Match(s.Value, @"secretRef\(.*'([a-z0-9-]+)'\)\]$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet();

        Assert.NotEmpty(referenced);
        Assert.Empty(referenced.Except(writable));
        Assert.All(CompiledTemplate.Main["parameters"]!.AsObject().Where(p => (string?)p.Value!["type"] is "securestring" or "secureObject"),
            p => Assert.True(p.Value!["defaultValue"] is null || p.Value["defaultValue"]!.ToJsonString() is "\"\"" or "{}", $"{p.Key} has a non-empty default"));
    }

    [Fact]
    public void The_host_storage_connection_uses_the_managed_identity_and_service_uris()
    {
        var common = BicepAppSettings.Instance.Common;

        Assert.Equal("managedidentity", common["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", common["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('blobEndpoint')]", common["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Equal("[parameters('queueEndpoint')]", common["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Equal("[parameters('tableEndpoint')]", common["AzureWebJobsStorage__tableServiceUri"]);
        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]", common["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.False(common.ContainsKey("AzureWebJobsStorage"), "a plain AzureWebJobsStorage setting would be a connection string with a key");
        Assert.False(common.ContainsKey("FUNCTIONS_WORKER_RUNTIME"), "Flex Consumption takes the runtime from functionAppConfig and refuses this setting");
    }

    /// <summary>Loop items compile to parameters('x')[copyIndex()] or lambdaVariables; the tests care about the shape around them.</summary>
    private static string NormalizeLoopItem(string? expression) =>
        System.Text.RegularExpressions.Regex.Replace(expression ?? "", @"parameters\('(roleAssignments|topicRoleAssignments|namespaceRoleAssignments)'\)\[copyIndex\(\)\]", "{0}");
}
