import { roleAssignmentType } from '../types.bicep'

metadata description = 'Key Vault with Azure RBAC (no access policies) holding the platform, ERP, alert and shop secrets the app settings reference.'

@description('Required. Globally unique vault name (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resource.')
param tags object = {}

@description('Optional. Days a deleted vault or secret can be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Optional. Purge protection: a deleted vault cannot be purged before its retention ends. Cannot be turned off once on.')
param enablePurgeProtection bool = true

@description('Optional. Secrets to write, by secret name. Empty values are skipped, so a secret set outside the deployment is not overwritten.')
@secure()
param secrets object = {}

@description('Optional. Roles to grant on the vault (Key Vault Secrets User for the app identity, Secrets Officer for the operators).')
param roleAssignments roleAssignmentType[] = []

@description('Required. Log Analytics workspace that receives the vault\'s audit log and metrics.')
param workspaceResourceId string

@description('Optional. Whether the vault answers on its public endpoint; false when it is reached through a private endpoint only (the deployment still writes secrets through Azure Resource Manager).')
param publicNetworkAccess bool = true

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource secretValues 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = [
  for secret in items(secrets): if (!empty(secret.value)) {
    parent: vault
    name: secret.key
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

// The only preview API version in the deployment: see storage.bicep.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceResourceId
    logs: [
      {
        categoryGroup: 'audit'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roleAssignments: {
    name: guid(vault.id, role.principalId, role.roleDefinitionId)
    scope: vault
    properties: {
      principalId: role.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
      principalType: role.?principalType ?? 'ServicePrincipal'
    }
  }
]

@description('Name of the vault.')
output name string = vault.name

@description('Resource id of the vault.')
output resourceId string = vault.id

@description('Vault URI with a trailing slash, e.g. https://{name}.vault.azure.net/.')
output uri string = vault.properties.vaultUri
