metadata description = 'Private endpoints for the storage accounts and Key Vault, with the private DNS zones that make their usual host names resolve to them inside the virtual network.'

@description('Required. Name prefix of the endpoints.')
param namePrefix string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources.')
param tags object = {}

@description('Required. Subnet that holds the endpoints.')
param subnetId string

@description('Required. Virtual network the DNS zones link to.')
param vnetId string

@description('Required. Endpoints to create: { name, resourceId, groupId } with groupId blob, queue, table or vault.')
param endpoints endpointType[]

@export()
@description('One private endpoint: the resource it reaches and which of its services.')
type endpointType = {
  @description('Required. Short name, part of the endpoint\'s name.')
  name: string

  @description('Required. Resource id of the storage account or vault.')
  resourceId: string

  @description('Required. The service behind the endpoint.')
  groupId: ('blob' | 'queue' | 'table' | 'vault')
}

// Private DNS zone per service, named as Azure documents for private link.
var zoneNames = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  vault: 'privatelink.vaultcore.azure.net'
}

var usedGroups = union(map(endpoints, e => e.groupId), [])

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for group in usedGroups: {
    name: zoneNames[group]
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (group, i) in usedGroups: {
    parent: zones[i]
    name: '${namePrefix}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnetId
      }
    }
  }
]

resource privateEndpoints 'Microsoft.Network/privateEndpoints@2025-05-01' = [
  for endpoint in endpoints: {
    name: '${namePrefix}-pe-${endpoint.name}'
    location: location
    tags: tags
    properties: {
      subnet: {
        id: subnetId
      }
      privateLinkServiceConnections: [
        {
          name: endpoint.name
          properties: {
            // A resource id passed in the endpoints parameter (the rule does not follow it through the loop).
            #disable-next-line use-resource-id-functions
            privateLinkServiceId: endpoint.resourceId
            groupIds: [
              endpoint.groupId
            ]
          }
        }
      ]
    }
  }
]

resource dnsGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-05-01' = [
  for (endpoint, i) in endpoints: {
    parent: privateEndpoints[i]
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: endpoint.groupId
          properties: {
            privateDnsZoneId: resourceId('Microsoft.Network/privateDnsZones', zoneNames[endpoint.groupId])
          }
        }
      ]
    }
    dependsOn: [
      zones
    ]
  }
]

@description('Names of the private endpoints.')
output endpointNames string[] = [for (endpoint, i) in endpoints: privateEndpoints[i].name]
