using static ServerlessSync.Infra.Tests.Support.TemplateJson;

namespace ServerlessSync.Infra.Tests;

/// <summary>For ERPs behind IP allow-lists: optional VNet integration with a NAT gateway and one static outbound IP, optional private endpoints; both off by default.</summary>
public sealed class NetworkTests
{
    [Fact]
    public void Vnet_integration_and_private_endpoints_are_described_parameters_off_by_default()
    {
        foreach (var name in new[] { "enableVnetIntegration", "enablePrivateEndpoints" })
        {
            var (value, description) = Parameter(CompiledTemplate.Main, name);
            Assert.False((bool?)value);
            Assert.False(string.IsNullOrWhiteSpace(description));
        }

        var resources = CompiledTemplate.Main["resources"]!;
        Assert.Equal("[variables('networkEnabled')]", (string?)resources["network"]!["condition"]);
        Assert.Equal("[parameters('enablePrivateEndpoints')]", (string?)resources["privateEndpoints"]!["condition"]);
        Assert.Equal("[or(parameters('enableVnetIntegration'), parameters('enablePrivateEndpoints'))]", (string?)CompiledTemplate.Main["variables"]!["networkEnabled"]);
    }

    [Fact]
    public void Outbound_traffic_leaves_through_a_nat_gateway_with_one_static_standard_public_ip_given_as_an_output()
    {
        var ip = Single("Microsoft.Network/publicIPAddresses");
        var nat = Single("Microsoft.Network/natGateways");
        var vnet = Single("Microsoft.Network/virtualNetworks");

        Assert.Equal("Static", Text(Property(ip, "publicIPAllocationMethod")));
        Assert.Equal("Standard", (string?)ip["sku"]!["name"]);
        Assert.Contains("Microsoft.Network/publicIPAddresses'", Text(Property(nat, "publicIpAddresses")![0]!["id"]), StringComparison.Ordinal);
        var app = Property(vnet, "subnets")!.AsArray().Single(s => (string?)s!["name"] == "app")!;
        Assert.Equal("Microsoft.App/environments", (string?)app["properties"]!["delegations"]![0]!["properties"]!["serviceName"]);
        Assert.Contains("Microsoft.Network/natGateways'", (string?)app["properties"]!["natGateway"]!["id"], StringComparison.Ordinal);
        Assert.Contains("outboundIpAddress", (string?)CompiledTemplate.Main["outputs"]!["outboundIpAddress"]!["value"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_function_app_joins_the_app_subnet_only_when_the_network_is_on()
    {
        var site = Single("Microsoft.Web/sites");
        var parameters = CompiledTemplate.Main["resources"]!["functionApp"]!["properties"]!["parameters"]!;

        Assert.Equal("[if(empty(parameters('virtualNetworkSubnetId')), null(), parameters('virtualNetworkSubnetId'))]", Text(Property(site, "virtualNetworkSubnetId")));
        Assert.Equal("[if(variables('networkEnabled'), createObject('value', reference('network').outputs.appSubnetId.value), createObject('value', ''))]", (string?)parameters["virtualNetworkSubnetId"]);
    }

    [Fact]
    public void Private_endpoints_cover_blob_queue_table_of_both_accounts_and_the_vault_and_switch_their_public_access_off()
    {
        var endpoints = (string?)CompiledTemplate.Main["resources"]!["privateEndpoints"]!["properties"]!["parameters"]!["endpoints"]!["value"];

        Assert.Contains("'groupId', 'vault'", endpoints, StringComparison.Ordinal);
        Assert.Contains("reference('keyVault').outputs.resourceId.value", endpoints, StringComparison.Ordinal);
        Assert.Contains("map(createArray('blob', 'queue', 'table'), lambda('group', createObject('name', format('st-{0}', lambdaVariables('group')), 'resourceId', reference('storage').outputs.resourceId.value", endpoints, StringComparison.Ordinal);
        Assert.Contains("map(createArray('blob', 'queue', 'table'), lambda('group', createObject('name', format('sthub-{0}', lambdaVariables('group')), 'resourceId', reference('taskHubStorage').outputs.resourceId.value", endpoints, StringComparison.Ordinal);
        foreach (var module in new[] { "storage", "taskHubStorage", "keyVault" })
        {
            Assert.Equal("[not(parameters('enablePrivateEndpoints'))]", (string?)CompiledTemplate.Main["resources"]![module]!["properties"]!["parameters"]!["publicNetworkAccess"]!["value"]);
        }

        foreach (var type in new[] { "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults" })
        {
            Assert.All(CompiledTemplate.OfType(type), r => Assert.Equal("[if(parameters('publicNetworkAccess'), 'Enabled', 'Disabled')]", Text(Property(r, "publicNetworkAccess"))));
        }

        var zones = CompiledTemplate.Module("privateEndpoints")["variables"]!["zoneNames"]!.AsObject();
        Assert.Equal(["blob", "queue", "table", "vault"], zones.Select(z => z.Key).Order());
        Assert.Single(CompiledTemplate.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"));
    }
}
