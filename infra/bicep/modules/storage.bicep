import { roleAssignmentType } from '../types.bicep'

metadata description = 'A storage account with shared keys disabled (every client uses Entra ID): the app\'s (Functions host, intake queues, the app\'s tables, the Flex deployment package) and, when dedicated, the Durable Functions task hub\'s.'

@description('Required. Globally unique storage account name (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resource.')
param tags object = {}

@description('Optional. Replication of the account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param skuName string = 'Standard_LRS'

@description('Optional. Blob container that holds the Flex Consumption deployment package; empty creates none (the task hub\'s account).')
param deploymentContainerName string = ''

@description('Optional. Queues created up front: the intake queue and its poison queue, so alerts and dashboards can see them before the first failure.')
param queueNames string[] = [
  'orders-intake'
  'orders-intake-poison'
]

@description('Optional. Roles to grant on the account (blob, queue, table data roles for the app identity and the operators).')
param roleAssignments roleAssignmentType[] = []

@description('Required. Log Analytics workspace that receives the account\'s metrics and its blob, queue and table logs.')
param workspaceResourceId string

@description('Optional. Whether the account answers on its public endpoints; false when it is reached through private endpoints only.')
param publicNetworkAccess bool = true

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: publicNetworkAccess ? 'Enabled' : 'Disabled'
    networkAcls: {
      defaultAction: publicNetworkAccess ? 'Allow' : 'Deny'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = if (!empty(deploymentContainerName)) {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: storage
  name: 'default'
}

// Microsoft.Insights/diagnosticSettings has no GA version with named settings after 2016-09-01 (whose schema is the
// legacy fixed-name one), so it is the single preview API version in the deployment (docs/deploy.md).
#disable-next-line use-recent-api-versions
resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: storage
  properties: {
    workspaceId: workspaceResourceId
    metrics: [
      {
        category: 'Transaction'
        enabled: true
      }
    ]
  }
}

var serviceLogs = {
  workspaceId: workspaceResourceId
  logs: [
    {
      categoryGroup: 'allLogs'
      enabled: true
    }
  ]
  metrics: [
    {
      category: 'Transaction'
      enabled: true
    }
  ]
}

#disable-next-line use-recent-api-versions
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: serviceLogs
}

#disable-next-line use-recent-api-versions
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: queueService
  properties: serviceLogs
}

#disable-next-line use-recent-api-versions
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: serviceLogs
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roleAssignments: {
    name: guid(storage.id, role.principalId, role.roleDefinitionId)
    scope: storage
    properties: {
      principalId: role.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
      principalType: role.?principalType ?? 'ServicePrincipal'
    }
  }
]

@description('Name of the storage account.')
output name string = storage.name

@description('Resource id of the storage account.')
output resourceId string = storage.id

@description('Blob endpoint, e.g. https://{name}.blob.core.windows.net/.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue endpoint.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Table endpoint.')
output tableEndpoint string = storage.properties.primaryEndpoints.table
