metadata description = 'The user-assigned managed identity the Function App runs as: storage, Key Vault, Application Insights and Service Bus all trust it, no keys anywhere.'

@description('Required. Name of the identity.')
param name string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resource.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output resourceId string = identity.id

@description('Client id, used by the app to pick this identity (AzureWebJobsStorage__clientId, Storage__ManagedIdentityClientId).')
output clientId string = identity.properties.clientId

@description('Object id, the principal of the role assignments.')
output principalId string = identity.properties.principalId

@description('Name of the identity.')
output name string = identity.name
