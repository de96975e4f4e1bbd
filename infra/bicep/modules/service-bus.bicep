import { roleAssignmentType, orderEventSubscriptionType } from '../types.bicep'

metadata description = 'Service Bus namespace (local auth disabled) with the order-events topic and its subscriptions, for downstream systems.'

@description('Required. Globally unique namespace name.')
@minLength(6)
@maxLength(50)
param name string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources.')
param tags object = {}

@description('Optional. Topic the app publishes order events to.')
param topicName string = 'order-events'

@description('Optional. How long the topic remembers message ids to drop a republished event (ISO 8601 duration).')
param duplicateDetectionWindow string = 'PT1H'

@description('Optional. How long an unread event stays in a subscription (ISO 8601 duration).')
param messageTimeToLive string = 'P14D'

@description('Optional. Subscriptions on the topic, each optionally filtered to some event types.')
param subscriptions orderEventSubscriptionType[] = []

@description('Optional. Roles to grant on the topic (Azure Service Bus Data Sender for the app identity).')
param topicRoleAssignments roleAssignmentType[] = []

@description('Optional. Roles to grant on the namespace (Azure Service Bus Data Receiver for the operators, to peek subscriptions).')
param namespaceRoleAssignments roleAssignmentType[] = []

@description('Required. Log Analytics workspace that receives the namespace\'s operational logs and metrics.')
param workspaceResourceId string

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    defaultMessageTimeToLive: messageTimeToLive
    supportOrdering: false
  }
}

resource topicSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' = [
  for subscription in subscriptions: {
    parent: topic
    name: subscription.name
    properties: {
      deadLetteringOnMessageExpiration: true
      maxDeliveryCount: 10
      defaultMessageTimeToLive: messageTimeToLive
    }
  }
]

// The publisher sets Subject to the event type; Service Bus SQL filters see it as sys.Label.
resource subscriptionFilters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2026-01-01' = [
  for (subscription, i) in subscriptions: if (!empty(subscription.?eventTypes ?? [])) {
    parent: topicSubscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: format('sys.Label IN ({0})', join(map(subscription.?eventTypes ?? [], t => format('\'{0}\'', t)), ', '))
      }
    }
  }
]

// The only preview API version in the deployment: see storage.bicep.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: workspaceResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
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

resource namespaceRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in namespaceRoleAssignments: {
    name: guid(namespace.id, role.principalId, role.roleDefinitionId)
    scope: namespace
    properties: {
      principalId: role.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
      principalType: role.?principalType ?? 'ServicePrincipal'
    }
  }
]

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in topicRoleAssignments: {
    name: guid(topic.id, role.principalId, role.roleDefinitionId)
    scope: topic
    properties: {
      principalId: role.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
      principalType: role.?principalType ?? 'ServicePrincipal'
    }
  }
]

@description('Name of the namespace.')
output name string = namespace.name

@description('Host name the app connects to with its identity, e.g. {name}.servicebus.windows.net.')
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]

@description('Name of the order-events topic.')
output topicName string = topic.name
