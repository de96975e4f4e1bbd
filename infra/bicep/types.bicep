// Shared types and functions, imported by main.bicep and the modules (compile-time imports: nothing is fetched).
metadata description = 'Shared types and functions for the ServerlessSync deployment.'

@export()
@description('A data-plane role granted to a principal on one resource. The assignment name is guid(resource id, principalId, roleDefinitionId), so a redeploy finds the same assignment.')
type roleAssignmentType = {
  @description('Required. Object id of the principal, e.g. the user-assigned identity\'s principalId.')
  principalId: string

  @description('Required. GUID of the built-in role definition.')
  roleDefinitionId: string

  @description('Optional. Kind of principal; ServicePrincipal for managed identities.')
  principalType: ('ServicePrincipal' | 'User' | 'Group')?
}

@export()
@description('One merchant shop. Its secrets (access token, WeChat app secret) are passed in the shopSecrets parameter under "{platform}:{shopId}".')
type shopType = {
  @description('Required. Platform the shop sells on.')
  platform: ('Douyin' | 'Kuaishou' | 'WeChat' | 'Taobao')

  @description('Required. The platform\'s shop id (WeChat: our id for the 小店).')
  shopId: string

  @description('Optional. Whether the pull timer lists this shop\'s changed orders. Default true.')
  pullEnabled: bool?

  @description('Optional. WeChat only: the 小店\'s own AppId when it differs from the platform default.')
  appId: string?

  @description('Optional. WeChat only: the push ToUserName (gh_...) that identifies this shop in pushes.')
  userName: string?
}

@export()
@description('A subscription on the order-events topic.')
type orderEventSubscriptionType = {
  @description('Required. Subscription name, e.g. the downstream system that reads it.')
  name: string

  @description('Optional. Event types to receive (Service Bus Subject); omitted means every event.')
  eventTypes: ('received' | 'synced' | 'failed' | 'pending-stock' | 'quarantined')[]?
}

@export()
@description('The Key Vault name of a per-shop secret, e.g. shop-douyin-100200300-access-token.')
func shopSecretName(platform string, shopId string, secret string) string => toLower('shop-${platform}-${shopId}-${secret}')

@export()
@description('An app setting value: a Key Vault reference when the secret is known to exist, otherwise empty (the feature stays off instead of reading the reference text as a credential).')
func secretRef(vaultUri string, availableSecretNames string[], name string) string =>
  contains(availableSecretNames, name) ? '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/${name})' : ''

@export()
@description('App Service authentication (Easy Auth) with Entra ID in front of the app. The app registration defines the app roles viewer, operator and admin; users and groups are assigned to them.')
type entraAuthType = {
  @description('Required. Application (client) id of the Entra app registration.')
  clientId: string

  @description('Optional. Directory (tenant) id; default the deployment\'s tenant.')
  tenantId: string?

  @description('Optional. Accepted token audiences; default api://{clientId} and the client id.')
  allowedAudiences: string[]?
}
