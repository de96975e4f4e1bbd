using Azure.Identity;

namespace ServerlessSync.Pipeline.Tests.Telemetry;

public sealed class ApplicationInsightsEntraAuthenticationTests
{
    [Theory]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData("authorization=aad; ClientId=00000000-0000-0000-0000-000000000001;")]
    [InlineData("Authorization=AAD")]
    public void The_functions_authentication_string_asks_for_a_managed_identity_credential(string setting) =>
        Assert.IsType<ManagedIdentityCredential>(ApplicationInsightsEntraAuthentication.CredentialFrom(setting));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Other")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001")]
    public void Without_an_AAD_authentication_string_the_sdk_keeps_its_default(string? setting) =>
        Assert.Null(ApplicationInsightsEntraAuthentication.CredentialFrom(setting));
}
