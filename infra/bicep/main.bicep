// ServerlessSync: the whole Azure deployment in one resource group (azd up, or az deployment group create).
// Local modules only (registry modules cannot be restored offline); Azure Verified Modules conventions: every
// parameter described, secrets @secure(), named outputs, role assignments named guid(scope, principal, role).
import { shopType, orderEventSubscriptionType, roleAssignmentType, shopSecretName, entraAuthType } from 'types.bicep'

targetScope = 'resourceGroup'

metadata name = 'ServerlessSync'
metadata description = 'Flex Consumption Function App (.NET 10 isolated) with a user-assigned identity, identity-only storage, Key Vault (RBAC), Application Insights without local auth, alerts and an optional Service Bus topic for order events.'

// ---------- environment ----------

@description('Required. Short environment name used in resource names and tags, e.g. "dev" or "prod" (azd: AZURE_ENV_NAME).')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Optional. Azure region of every resource; defaults to the resource group\'s. It must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Optional. Extra tags for every resource.')
param tags object = {}

// ---------- app ----------

@description('Optional. Most instances the Function App scales out to (Flex Consumption allows 40-1000). It does not change the ERP\'s pace: the instances that call the ERP share erpMaxCallsPerSecond.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Optional. Further non-secret app settings, e.g. { Sync__WriteErpMaxAttempts: \'8\' }; they win over the generated ones.')
param extraAppSettings object = {}

// ---------- platforms ----------

@description('Optional. Platforms to connect with their non-secret settings: { Douyin: { AppKey, ApiBaseUrl? }, Kuaishou: { AppKey }, WeChat: { AppId }, Taobao: { AppKey } }. A platform left out gets no settings.')
param platforms object = {}

@description('Optional. Shops with their own credentials or pull switch; their secrets go in shopSecrets.')
param shops shopType[] = []

@description('Optional. 抖店 app secret (Key Vault secret douyin-app-secret).')
@secure()
param douyinAppSecret string = ''

@description('Optional. 抖店 access token for shops without their own (douyin-access-token).')
@secure()
param douyinAccessToken string = ''

@description('Optional. 快手 app secret, used for OAuth token calls (kuaishou-app-secret).')
@secure()
param kuaishouAppSecret string = ''

@description('Optional. 快手 signing secret for API calls (kuaishou-sign-secret).')
@secure()
param kuaishouSignSecret string = ''

@description('Optional. 快手 message key (Base64 AES key) that decrypts pushes (kuaishou-message-key).')
@secure()
param kuaishouMessageKey string = ''

@description('Optional. 快手 access token for shops without their own (kuaishou-access-token).')
@secure()
param kuaishouAccessToken string = ''

@description('Optional. 微信小店 default app secret (wechat-app-secret).')
@secure()
param wechatAppSecret string = ''

@description('Optional. 微信小店 push Token (wechat-token).')
@secure()
param wechatToken string = ''

@description('Optional. 微信小店 push EncodingAESKey, 43 characters (wechat-encoding-aes-key).')
@secure()
param wechatEncodingAesKey string = ''

@description('Optional. 淘宝 app secret (taobao-app-secret).')
@secure()
param taobaoAppSecret string = ''

@description('Optional. 淘宝 session key for shops without their own (taobao-session-key).')
@secure()
param taobaoSessionKey string = ''

@description('Optional. Per-shop secrets by "{platform}:{shopId}": { accessToken?, appSecret? } (appSecret: WeChat shops with their own app).')
@secure()
param shopSecrets object = {}

// ---------- ERP ----------

@description('Optional. The ERP orders go to.')
@allowed([
  'Kingdee'
  'Sap'
  'YonBip'
  'Jushuitan'
])
param erpKind string = 'Kingdee'

@description('Optional. Non-secret settings of the ERP, named as under Erp:{Kind} (docs/deploy.md lists them per ERP), e.g. Kingdee { BaseUrl, AcctId, UserName, AppId, Lcid }.')
param erpSettings object = {}

@description('Optional. Kingdee 第三方系统登录授权 AppSecret (kingdee-app-secret).')
@secure()
param kingdeeAppSecret string = ''

@description('Optional. SAP communication user password (sap-password).')
@secure()
param sapPassword string = ''

@description('Optional. YonBIP app secret (yonbip-app-secret).')
@secure()
param yonBipAppSecret string = ''

@description('Optional. Jushuitan app secret (jushuitan-app-secret).')
@secure()
param jushuitanAppSecret string = ''

@description('Optional. Jushuitan access token, 30 days (jushuitan-access-token).')
@secure()
param jushuitanAccessToken string = ''

@description('Optional. The ERP\'s total calls per second (decimal as text), shared by every instance that calls the ERP: set it a little under what the ERP takes (docs/erp-governor.md).')
param erpMaxCallsPerSecond string = '5'

@description('Optional. The ERP\'s total calls in flight at once, shared like erpMaxCallsPerSecond (each calling instance keeps at least one).')
@minValue(1)
param erpMaxConcurrency int = 4

// ---------- alerts ----------

@description('Optional. E-mail addresses for Azure Monitor alerts (poisoned messages, failure rate, pending stock).')
param alertEmails string[] = []

@description('Optional. Failure rate in percent of finished orders that raises an alert.')
@minValue(1)
@maxValue(100)
param alertFailureRatePercent int = 5

@description('Optional. Minutes an order may wait for stock before an alert.')
@minValue(5)
param alertPendingStockMinutes int = 240

@description('Optional. Minutes the oldest message in the intake queue may wait before an alert (the queue trigger is not keeping up).')
@minValue(1)
param alertIntakeBacklogMinutes int = 15

@description('Optional. WeCom group robot webhook URL for the app\'s own alerts (alerts-wecom-webhook-url).')
@secure()
param weComWebhookUrl string = ''

@description('Optional. DingTalk group robot webhook URL (alerts-dingtalk-webhook-url).')
@secure()
param dingTalkWebhookUrl string = ''

@description('Optional. DingTalk robot 加签 secret (alerts-dingtalk-secret).')
@secure()
param dingTalkSecret string = ''

@description('Optional. Feishu custom bot webhook URL (alerts-feishu-webhook-url).')
@secure()
param feishuWebhookUrl string = ''

@description('Optional. Feishu bot 签名校验 secret (alerts-feishu-secret).')
@secure()
param feishuSecret string = ''

@description('Optional. SMTP relay for alert e-mails from the app: { Host, Port, From, To, UserName }.')
param alertSmtp object = {}

@description('Optional. SMTP password (alerts-smtp-password).')
@secure()
param smtpPassword string = ''

// ---------- access to the admin surface (docs/dashboard.md) ----------

@description('Optional. App Service authentication with Entra ID for people: { clientId, tenantId?, allowedAudiences? } of an app registration with the app roles viewer, operator and admin. Omitted: off, only the role keys below open the pages and admin routes.')
param entraAuth entraAuthType?

@description('Optional. Entra app registration client secret (entra-client-secret); without it sign-in uses ID tokens.')
@secure()
param entraClientSecret string = ''

@description('Optional. Role key for viewers (dashboard, stats, reads), sent as x-functions-key or ?code= (access-viewer-key); at least 32 characters.')
@secure()
param viewerKey string = ''

@description('Optional. Role key for operators (resync, release, reconciliation, audit trail) (access-operator-key).')
@secure()
param operatorKey string = ''

@description('Optional. Role key for admins (mapping profiles, settings) (access-admin-key).')
@secure()
param adminKey string = ''

// ---------- secrets managed outside the deployment ----------

@description('Optional. Names of Key Vault secrets set outside this deployment (az keyvault secret set); their settings reference them although no value was passed here.')
param existingSecretNames string[] = []

@description('Optional. Key Vault purge protection. Leave on in production. azd down then azd up works either way: the vault\'s name changes with the resource group (keyVaultNameSeed).')
param keyVaultPurgeProtection bool = true

@description('Optional. Do not set: a new resource group gets this value as its serverlesssync-key-vault-seed tag, and the vault\'s name is derived from that tag. After azd down (which deletes the group) the next azd up picks a new name, so a vault still held in soft delete by purge protection never blocks it.')
param keyVaultNameSeed string = utcNow('yyyyMMddHHmmssffff')

// ---------- operators ----------

@description('Optional. Object id of the person or group who runs azd up (azd fills AZURE_PRINCIPAL_ID): gets the data roles on-call needs with shared keys off (queue, table and blob data, Key Vault secrets, Service Bus receive). Empty grants nothing.')
param operatorPrincipalId string = ''

@description('Optional. Kind of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

// ---------- network ----------

@description('Optional. Integrate the Function App with a virtual network whose outbound traffic leaves through a NAT gateway with one static public IP (the outboundIpAddress output), for ERPs that allow only known addresses.')
param enableVnetIntegration bool = false

@description('Optional. Reach the storage accounts and Key Vault through private endpoints only (public access off); needs enableVnetIntegration. Operators then need a machine in the network to redrive queues or set secrets.')
param enablePrivateEndpoints bool = false

@description('Optional. Address space of the virtual network: its first /24 is the app subnet, the second the private endpoints\'.')
param vnetAddressPrefix string = '10.40.0.0/16'

// ---------- order events ----------

@description('Optional. Give the Durable Functions task hub its own storage account instead of the app\'s (Microsoft\'s advice for performance-sensitive apps): a live-room flood in the intake queue then never slows the engine\'s queues and tables (docs/benchmarks.md).')
param dedicatedTaskHubStorage bool = true

@description('Optional. Create a Service Bus namespace and publish order events to its order-events topic.')
param enableServiceBus bool = false

@description('Optional. Subscriptions on order-events, each optionally limited to some event types.')
param orderEventSubscriptions orderEventSubscriptionType[] = [
  {
    name: 'all-events'
  }
]

// ---------- names ----------

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var allTags = union(tags, { 'azd-env-name': environmentName, application: 'serverlesssync' })
var functionAppName = 'func-ssync-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 10)}'

// The resource group remembers the seed of its vault name in a tag; a recreated group starts a new one.
var keyVaultSeedTag = 'serverlesssync-key-vault-seed'
var keyVaultSeed = resourceGroup().?tags[?keyVaultSeedTag] ?? keyVaultNameSeed
var keyVaultName = 'kv-ssync-${take(uniqueString(resourceToken, keyVaultSeed), 13)}'

// The queue the webhook writes to and the queue trigger listens on (through Storage__IntakeQueueName): one name.
var intakeQueueName = 'orders-intake'
var networkEnabled = enableVnetIntegration || enablePrivateEndpoints

// Built-in role definition ids (the data-plane roles the app uses, and no others).
var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
}

// Every secret the deployment can write, by Key Vault secret name; the app settings reference the same names.
var fixedSecrets = {
  'douyin-app-secret': douyinAppSecret
  'douyin-access-token': douyinAccessToken
  'kuaishou-app-secret': kuaishouAppSecret
  'kuaishou-sign-secret': kuaishouSignSecret
  'kuaishou-message-key': kuaishouMessageKey
  'kuaishou-access-token': kuaishouAccessToken
  'wechat-app-secret': wechatAppSecret
  'wechat-token': wechatToken
  'wechat-encoding-aes-key': wechatEncodingAesKey
  'taobao-app-secret': taobaoAppSecret
  'taobao-session-key': taobaoSessionKey
  'kingdee-app-secret': kingdeeAppSecret
  'sap-password': sapPassword
  'yonbip-app-secret': yonBipAppSecret
  'jushuitan-app-secret': jushuitanAppSecret
  'jushuitan-access-token': jushuitanAccessToken
  'alerts-wecom-webhook-url': weComWebhookUrl
  'alerts-dingtalk-webhook-url': dingTalkWebhookUrl
  'alerts-dingtalk-secret': dingTalkSecret
  'alerts-feishu-webhook-url': feishuWebhookUrl
  'alerts-feishu-secret': feishuSecret
  'alerts-smtp-password': smtpPassword
  'access-viewer-key': viewerKey
  'access-operator-key': operatorKey
  'access-admin-key': adminKey
  'entra-client-secret': entraClientSecret
}

var shopSecretValues = reduce(
  map(
    shops,
    shop => {
      '${shopSecretName(shop.platform, shop.shopId, 'access-token')}': shopSecrets[?'${shop.platform}:${shop.shopId}'].?accessToken ?? ''
      '${shopSecretName(shop.platform, shop.shopId, 'app-secret')}': shopSecrets[?'${shop.platform}:${shop.shopId}'].?appSecret ?? ''
    }
  ),
  {},
  (all, next) => union(all, next)
)

var allSecrets = union(fixedSecrets, shopSecretValues)

// Only the names leave this template, never the values: settings whose secret exists reference it, the rest stay empty.
var availableSecretNames = union(filter(objectKeys(allSecrets), name => !empty(allSecrets[name])), existingSecretNames)

var appRoles = {
  storage: [
    roleIds.storageBlobDataOwner
    roleIds.storageQueueDataContributor
    roleIds.storageTableDataContributor
  ]
  keyVault: [
    roleIds.keyVaultSecretsUser
  ]
  appInsights: [
    roleIds.monitoringMetricsPublisher
  ]
  serviceBusTopic: [
    roleIds.serviceBusDataSender
  ]
}

// What on-call does with shared keys off: redrive poison messages and read ledger rows (queue and table data),
// read intake bodies, rotate secrets, peek order events.
var operatorRoles = {
  storage: [
    roleIds.storageQueueDataContributor
    roleIds.storageTableDataContributor
    roleIds.storageBlobDataReader
  ]
  keyVault: [
    roleIds.keyVaultSecretsOfficer
  ]
  serviceBusNamespace: [
    roleIds.serviceBusDataReceiver
  ]
}

var operatorAssignments = mapValues(
  operatorRoles,
  roles =>
    empty(operatorPrincipalId)
      ? []
      : map(roles, roleId => { principalId: operatorPrincipalId, roleDefinitionId: roleId, principalType: operatorPrincipalType })
)

resource resourceGroupTags 'Microsoft.Resources/tags@2025-04-01' = {
  name: 'default'
  properties: {
    tags: union(resourceGroup().?tags ?? {}, { '${keyVaultSeedTag}': keyVaultSeed })
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-ssync-${resourceToken}'
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-ssync-${resourceToken}'
    appInsightsName: 'appi-ssync-${resourceToken}'
    location: location
    tags: allTags
    roleAssignments: map(appRoles.appInsights, roleId => toRoleAssignment(identity.outputs.principalId, roleId))
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stssync${resourceToken}'
    location: location
    tags: allTags
    deploymentContainerName: deploymentContainerName
    queueNames: [
      intakeQueueName
      '${intakeQueueName}-poison'
    ]
    workspaceResourceId: monitoring.outputs.workspaceResourceId
    publicNetworkAccess: !enablePrivateEndpoints
    roleAssignments: concat(map(appRoles.storage, roleId => toRoleAssignment(identity.outputs.principalId, roleId)), operatorAssignments.storage)
  }
}

module taskHubStorage 'modules/storage.bicep' = if (dedicatedTaskHubStorage) {
  name: 'storage-taskhub'
  params: {
    name: 'stssynchub${take(resourceToken, 14)}'
    location: location
    tags: allTags
    queueNames: []
    workspaceResourceId: monitoring.outputs.workspaceResourceId
    publicNetworkAccess: !enablePrivateEndpoints
    roleAssignments: concat(map(appRoles.storage, roleId => toRoleAssignment(identity.outputs.principalId, roleId)), operatorAssignments.storage)
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    #disable-next-line use-stable-resource-identifiers // reproducible: the seed is kept in the resource group's tag
    name: keyVaultName
    location: location
    tags: allTags
    enablePurgeProtection: keyVaultPurgeProtection
    secrets: allSecrets
    workspaceResourceId: monitoring.outputs.workspaceResourceId
    publicNetworkAccess: !enablePrivateEndpoints
    roleAssignments: concat(map(appRoles.keyVault, roleId => toRoleAssignment(identity.outputs.principalId, roleId)), operatorAssignments.keyVault)
  }
}

module serviceBus 'modules/service-bus.bicep' = if (enableServiceBus) {
  name: 'service-bus'
  params: {
    name: 'sb-ssync-${resourceToken}'
    location: location
    tags: allTags
    subscriptions: orderEventSubscriptions
    workspaceResourceId: monitoring.outputs.workspaceResourceId
    topicRoleAssignments: map(appRoles.serviceBusTopic, roleId => toRoleAssignment(identity.outputs.principalId, roleId))
    namespaceRoleAssignments: operatorAssignments.serviceBusNamespace
  }
}

module network 'modules/network.bicep' = if (networkEnabled) {
  name: 'network'
  params: {
    namePrefix: 'ssync-${resourceToken}'
    location: location
    tags: allTags
    addressPrefix: vnetAddressPrefix
    appSubnetPrefix: cidrSubnet(vnetAddressPrefix, 24, 0)
    privateEndpointSubnetPrefix: cidrSubnet(vnetAddressPrefix, 24, 1)
  }
}

var storagePrivateEndpoints = map(['blob', 'queue', 'table'], group => { name: 'st-${group}', resourceId: storage.outputs.resourceId, groupId: group })

var taskHubPrivateEndpoints = dedicatedTaskHubStorage
  ? map(['blob', 'queue', 'table'], group => { name: 'sthub-${group}', resourceId: taskHubStorage!.outputs.resourceId, groupId: group })
  : []

module privateEndpoints 'modules/private-endpoints.bicep' = if (enablePrivateEndpoints) {
  name: 'private-endpoints'
  params: {
    namePrefix: 'ssync-${resourceToken}'
    location: location
    tags: allTags
    subnetId: network!.outputs.privateEndpointSubnetId
    vnetId: network!.outputs.vnetId
    endpoints: concat(storagePrivateEndpoints, taskHubPrivateEndpoints, [
      { name: 'kv', resourceId: keyVault.outputs.resourceId, groupId: 'vault' }
    ])
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    name: functionAppName
    planName: 'plan-ssync-${resourceToken}'
    location: location
    tags: allTags
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    taskHubBlobEndpoint: dedicatedTaskHubStorage ? taskHubStorage!.outputs.blobEndpoint : storage.outputs.blobEndpoint
    taskHubQueueEndpoint: dedicatedTaskHubStorage ? taskHubStorage!.outputs.queueEndpoint : storage.outputs.queueEndpoint
    taskHubTableEndpoint: dedicatedTaskHubStorage ? taskHubStorage!.outputs.tableEndpoint : storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    intakeQueueName: intakeQueueName
    virtualNetworkSubnetId: networkEnabled ? network!.outputs.appSubnetId : ''
    appInsightsConnectionString: monitoring.outputs.appInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    availableSecretNames: availableSecretNames
    platforms: platforms
    shops: shops
    erpKind: erpKind
    erpSettings: erpSettings
    erpMaxCallsPerSecond: erpMaxCallsPerSecond
    erpMaxConcurrency: erpMaxConcurrency
    alertSmtp: alertSmtp
    serviceBusFullyQualifiedNamespace: enableServiceBus ? serviceBus!.outputs.fullyQualifiedNamespace : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    extraAppSettings: extraAppSettings
    entraAuth: entraAuth
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    namePrefix: 'ssync-${environmentName}'
    location: location
    tags: allTags
    appInsightsResourceId: monitoring.outputs.appInsightsResourceId
    alertEmails: alertEmails
    failureRatePercent: alertFailureRatePercent
    pendingStockMaxMinutes: alertPendingStockMinutes
    intakeBacklogMaxMinutes: alertIntakeBacklogMinutes
  }
}

func toRoleAssignment(principalId string, roleDefinitionId string) roleAssignmentType => {
  principalId: principalId
  roleDefinitionId: roleDefinitionId
  principalType: 'ServicePrincipal'
}

@description('Name of the Function App (azd deploys the api service to it).')
output functionAppName string = functionApp.outputs.name

@description('Base URL of the HTTP API, e.g. https://{host}/api.')
output apiBaseUrl string = 'https://${functionApp.outputs.defaultHostName}/api'

@description('Push URL pattern to enter in each platform\'s console: replace {platform} with douyin, kuaishou or wechat.')
output webhookUrlPattern string = 'https://${functionApp.outputs.defaultHostName}/api/webhooks/{platform}'

@description('The static public IP every outbound call leaves from when enableVnetIntegration is on (give it to the ERP\'s administrator); empty otherwise.')
output outboundIpAddress string = networkEnabled ? network!.outputs.outboundIpAddress : ''

@description('Name of the Key Vault holding the secrets.')
output keyVaultName string = keyVault.outputs.name

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Storage account of the Durable Functions task hub (the app\'s own account when dedicatedTaskHubStorage is false).')
output taskHubStorageAccountName string = dedicatedTaskHubStorage ? taskHubStorage!.outputs.name : storage.outputs.name

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Client id of the app\'s user-assigned identity.')
output identityClientId string = identity.outputs.clientId

@description('Service Bus namespace host for order events; empty when disabled.')
output serviceBusNamespace string = enableServiceBus ? serviceBus!.outputs.fullyQualifiedNamespace : ''

@description('Resource id of the operations workbook, the first page to open on call.')
output workbookResourceId string = alerts.outputs.workbookResourceId
