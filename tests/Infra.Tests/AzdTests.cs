using System.Text.Json;

namespace ServerlessSync.Infra.Tests;

/// <summary>azd down then azd up works in the same environment, the deploying person gets on-call's data roles, a CI/CD workflow deploys with azd, and the admin API is described.</summary>
public sealed class AzdTests
{
    [Fact]
    public void The_vault_name_derives_from_a_seed_the_resource_group_keeps_in_a_tag_so_a_recreated_group_gets_a_fresh_name()
    {
        var main = CompiledTemplate.Main;
        var variables = main["variables"]!;
        var tags = main["resources"]!["resourceGroupTags"]!;

        Assert.Equal("[utcNow('yyyyMMddHHmmssffff')]", (string?)main["parameters"]!["keyVaultNameSeed"]!["defaultValue"]);
        Assert.Equal("[coalesce(tryGet(tryGet(resourceGroup(), 'tags'), variables('keyVaultSeedTag')), parameters('keyVaultNameSeed'))]", (string?)variables["keyVaultSeed"]);
        Assert.Equal("[format('kv-ssync-{0}', take(uniqueString(variables('resourceToken'), variables('keyVaultSeed')), 13))]", (string?)variables["keyVaultName"]);
        Assert.Equal("[variables('keyVaultName')]", (string?)main["resources"]!["keyVault"]!["properties"]!["parameters"]!["name"]!["value"]);
        Assert.Equal("Microsoft.Resources/tags", (string?)tags["type"]);
        Assert.Equal("default", (string?)tags["name"]);
        // union with the group's tags: azd's azd-env-name tag and any of the owner's survive.
        Assert.Equal("[union(coalesce(tryGet(resourceGroup(), 'tags'), createObject()), createObject(format('{0}', variables('keyVaultSeedTag')), variables('keyVaultSeed')))]", (string?)tags["properties"]!["tags"]);
        Assert.DoesNotContain("keyVaultNameSeed", File.ReadAllText(Path.Combine(Repository.Bicep, "main.bicepparam")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_deploying_person_gets_queue_table_blob_secret_and_receive_roles_on_every_resource_that_needs_them()
    {
        var main = CompiledTemplate.Main;
        var operatorRoles = main["variables"]!["operatorRoles"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(r => (string?)r).ToList());

        Assert.Equal(["[variables('roleIds').storageQueueDataContributor]", "[variables('roleIds').storageTableDataContributor]", "[variables('roleIds').storageBlobDataReader]"], operatorRoles["storage"]);
        Assert.Equal(["[variables('roleIds').keyVaultSecretsOfficer]"], operatorRoles["keyVault"]);
        Assert.Equal(["[variables('roleIds').serviceBusDataReceiver]"], operatorRoles["serviceBusNamespace"]);
        foreach (var (module, parameter, group) in new[] { ("storage", "roleAssignments", "storage"), ("taskHubStorage", "roleAssignments", "storage"), ("keyVault", "roleAssignments", "keyVault"), ("serviceBus", "namespaceRoleAssignments", "serviceBusNamespace") })
        {
            Assert.Contains($"variables('operatorAssignments').{group}", (string?)main["resources"]![module]!["properties"]!["parameters"]![parameter]!["value"], StringComparison.Ordinal);
        }

        Assert.Contains("empty(parameters('operatorPrincipalId'))", (string?)main["variables"]!["operatorAssignments"], StringComparison.Ordinal);
        Assert.Contains("readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')", File.ReadAllText(Path.Combine(Repository.Bicep, "main.bicepparam")), StringComparison.Ordinal);
        Assert.Equal("", (string?)BicepParameters.Example()["operatorPrincipalId"]!["value"]);
    }

    [Fact]
    public void The_azure_dev_workflow_signs_in_with_federated_credentials_provisions_deploys_and_passes_every_setting_the_parameters_read()
    {
        var workflow = File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "azure-dev.yml"));
        var parameters = File.ReadAllText(Path.Combine(Repository.Bicep, "main.bicepparam"));

        Assert.Contains("id-token: write", workflow, StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider \"github\"", workflow, StringComparison.Ordinal);
        Assert.Contains("azd provision --no-prompt", workflow, StringComparison.Ordinal);
        Assert.Contains("azd deploy --no-prompt", workflow, StringComparison.Ordinal);
        var read = Regex.Matches(parameters, @"readEnvironmentVariable\('([A-Z0-9_]+)'").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.True(read.Count > 10, $"main.bicepparam reads only {read.Count} variables");
        Assert.All(read, name => Assert.Matches($@"(?m)^\s+{name}: \$\{{\{{ (vars|secrets)\.", workflow));
        // Secrets come from the repository's secrets, never its plain variables.
        Assert.DoesNotMatch(@"(?m)^\s+[A-Z0-9_]*(SECRET|TOKEN|WEBHOOK_URL)\w*: \$\{\{ vars\.", workflow);
    }

    [Fact]
    public void Subscriptions_can_filter_on_exactly_the_event_types_the_code_publishes()
    {
        var allowed = CompiledTemplate.Main["definitions"]!["orderEventSubscriptionType"]!["properties"]!["eventTypes"]!["allowedValues"]!.AsArray().Select(v => (string?)v);

        Assert.Equal(ServerlessSync.Pipeline.Events.OrderEventTypes.All.Order(), allowed.Order());
    }

    [Fact]
    public void The_openapi_description_lists_every_http_route_of_the_app_with_its_methods_and_nothing_else()
    {
        var described = OpenApiRoutes();
        var inCode = HttpRoutes();

        Assert.True(inCode.Count >= 15, $"found only {inCode.Count} HTTP routes in functions.metadata");
        Assert.Equal(inCode.Keys.Order(), described.Keys.Order());
        Assert.All(inCode, route => Assert.Equal(route.Value.Order(), described[route.Key].Order()));
    }

    [Fact]
    public void Every_request_in_the_http_file_is_a_described_route()
    {
        var described = OpenApiRoutes();
        var requests = Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "admin-api.http")), @"(?m)^(GET|POST|PUT|DELETE) \{\{host\}\}/([^?\s]+)")
            .Select(m => (Method: m.Groups[1].Value.ToLowerInvariant(), Path: m.Groups[2].Value))
            .ToList();

        Assert.True(requests.Count >= 12, $"found only {requests.Count} requests");
        Assert.All(requests, r =>
        {
            var route = described.Keys.SingleOrDefault(k => Regex.IsMatch(r.Path, "^" + Regex.Replace(Regex.Escape(k), @"\\\{\w+}", @"[^/]+") + "$"));
            Assert.True(route is not null, $"{r.Method} {r.Path} matches no route in docs/openapi.yaml");
            Assert.Contains(r.Method, described[route]);
        });
    }

    /// <summary>Paths of docs/openapi.yaml (two-space keys under "paths:") with their operations.</summary>
    private static Dictionary<string, List<string>> OpenApiRoutes()
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "openapi.yaml"));
        var routes = new Dictionary<string, List<string>>();
        string? current = null;
        foreach (var line in lines.SkipWhile(l => l != "paths:").Skip(1).TakeWhile(l => l.Length == 0 || l.StartsWith(' ')))
        {
            if (Regex.Match(line, @"^  /(\S+):$") is { Success: true } path)
            {
                current = path.Groups[1].Value;
                routes[current] = [];
            }
            else if (current is not null && Regex.Match(line, @"^    (get|put|post|delete|patch):$") is { Success: true } method)
            {
                routes[current].Add(method.Groups[1].Value);
            }
        }

        return routes;
    }

    /// <summary>HTTP trigger routes and methods the Functions host indexes (functions.metadata, generated at build).</summary>
    private static Dictionary<string, List<string>> HttpRoutes()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        return document.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .ToDictionary(b => b.GetProperty("route").GetString()!, b => b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()).ToList());
    }
}
