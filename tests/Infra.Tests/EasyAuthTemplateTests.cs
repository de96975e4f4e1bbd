namespace ServerlessSync.Infra.Tests;

/// <summary>
/// Least privilege in the template: role keys come from Key Vault, and App Service authentication with Entra ID is an
/// optional parameter; only when it is given does the template turn it on and tell the app (Access__EasyAuthEnabled)
/// to trust the principal header.
/// </summary>
public sealed class EasyAuthTemplateTests
{
    private static JsonObject FunctionApp => CompiledTemplate.Module("functionApp");

    [Fact]
    public void Entra_id_authentication_is_an_optional_parameter_passed_to_the_function_app()
    {
        var parameter = CompiledTemplate.Main["parameters"]!["entraAuth"]!;
        Assert.True((bool?)parameter["nullable"]);
        Assert.Null(parameter["defaultValue"]);
        var type = CompiledTemplate.Main["definitions"]!["entraAuthType"]!["properties"]!.AsObject();
        Assert.Equal(["allowedAudiences", "clientId", "tenantId"], type.Select(p => p.Key).Order());
        var functionApp = CompiledTemplate.Resources(CompiledTemplate.Main).Single(r => r.Symbol == "functionApp").Resource;
        Assert.Equal("[parameters('entraAuth')]", (string?)functionApp["properties"]!["parameters"]!["entraAuth"]!["value"]);
    }

    [Fact]
    public void Auth_settings_exist_only_with_the_parameter_let_anonymous_requests_through_to_the_apps_role_check_and_use_entra_id()
    {
        var variables = FunctionApp["variables"]!;
        Assert.Equal("[not(equals(parameters('entraAuth'), null()))]", (string?)variables["easyAuthEnabled"]);
        var auth = CompiledTemplate.Resources(FunctionApp).Single(r => ((string?)r.Resource["name"])!.Contains("authsettingsV2", StringComparison.Ordinal)).Resource;

        Assert.Equal("[variables('easyAuthEnabled')]", (string?)auth["condition"]);
        Assert.Equal("Microsoft.Web/sites/config", (string?)auth["type"]);
        var properties = auth["properties"]!;
        Assert.True((bool?)properties["platform"]!["enabled"]);
        // Webhooks (platform signatures) and machine callers (role keys) carry no Entra token: the app decides, not App Service.
        Assert.False((bool?)properties["globalValidation"]!["requireAuthentication"]);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.True((bool?)properties["httpSettings"]!["requireHttps"]);
        var entra = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool?)entra["enabled"]);
        Assert.Equal("[variables('entraClientId')]", (string?)entra["registration"]!["clientId"]);
        Assert.Contains("environment().authentication.loginEndpoint", (string?)entra["registration"]!["openIdIssuer"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_is_told_whether_the_principal_header_is_trustworthy_and_reads_its_role_keys_from_key_vault()
    {
        var access = FunctionApp["variables"]!["accessSettings"]!.AsObject();

        Assert.Equal("[string(variables('easyAuthEnabled'))]", (string?)access["Access__EasyAuthEnabled"]);
        foreach (var (setting, secret) in new[] { ("Access__ViewerKey", "access-viewer-key"), ("Access__OperatorKey", "access-operator-key"), ("Access__AdminKey", "access-admin-key") })
        {
            Assert.Equal($"[__bicep.secretRef(parameters('keyVaultUri'), parameters('availableSecretNames'), '{secret}')]", (string?)access[setting]);
            Assert.True(CompiledTemplate.Main["variables"]!["fixedSecrets"]!.AsObject().ContainsKey(secret), $"{secret} cannot be written by the deployment");
        }

        Assert.Contains(BicepAppSettings.Instance.AllSettings(), s => s.Key == "Access__EasyAuthEnabled");
    }
}
