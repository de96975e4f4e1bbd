metadata description = 'Optional outbound network for ERPs behind IP allow-lists: a virtual network whose app subnet the Function App integrates with, a NAT gateway with one static public IP for every outbound call, and a subnet for private endpoints.'

@description('Required. Name prefix of the network resources.')
param namePrefix string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources.')
param tags object = {}

@description('Optional. Address space of the virtual network.')
param addressPrefix string = '10.40.0.0/16'

@description('Optional. Subnet the Function App integrates with (Flex Consumption: delegated to Microsoft.App/environments, /27 or larger).')
param appSubnetPrefix string = '10.40.0.0/24'

@description('Optional. Subnet that holds the private endpoints of storage and Key Vault.')
param privateEndpointSubnetPrefix string = '10.40.1.0/24'

@description('Optional. Availability zones of the static public IP and the NAT gateway; empty for regions without zones.')
param zones string[] = []

resource outboundIp 'Microsoft.Network/publicIPAddresses@2025-05-01' = {
  name: '${namePrefix}-outbound-ip'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Regional'
  }
  zones: zones
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2025-05-01' = {
  name: '${namePrefix}-nat'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  zones: zones
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: outboundIp.id
      }
    ]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-05-01' = {
  name: '${namePrefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          // Every outbound call of the app leaves through the NAT gateway, so the ERP sees one known address.
          natGateway: {
            id: natGateway.id
          }
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

@description('Resource id of the subnet the Function App integrates with.')
output appSubnetId string = vnet.properties.subnets[0].id

@description('Resource id of the private endpoint subnet.')
output privateEndpointSubnetId string = vnet.properties.subnets[1].id

@description('Resource id of the virtual network (private DNS zones link to it).')
output vnetId string = vnet.id

@description('The static outbound IP address to give the ERP\'s administrator for its allow-list.')
output outboundIpAddress string = outboundIp.properties.ipAddress
