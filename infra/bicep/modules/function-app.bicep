import { shopType, secretRef, shopSecretName, entraAuthType } from '../types.bicep'

metadata description = 'Flex Consumption plan and the .NET 10 isolated Function App, running as the user-assigned identity, with every app setting the code reads.'

@description('Required. Globally unique Function App name.')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources. The app also gets azd-service-name=api so azd deploys to it.')
param tags object = {}

@description('Required. Resource id of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Client id of that identity.')
param identityClientId string

@description('Required. Blob endpoint of the app\'s storage account (with trailing slash).')
param blobEndpoint string

@description('Required. Queue endpoint of the app\'s storage account.')
param queueEndpoint string

@description('Required. Table endpoint of the app\'s storage account.')
param tableEndpoint string

@description('Required. Blob endpoint of the Durable Functions task hub\'s storage account (the app\'s own or a dedicated one).')
param taskHubBlobEndpoint string

@description('Required. Queue endpoint of the task hub\'s storage account.')
param taskHubQueueEndpoint string

@description('Required. Table endpoint of the task hub\'s storage account.')
param taskHubTableEndpoint string

@description('Required. Blob container holding the deployment package.')
param deploymentContainerName string

@description('Required. The intake queue: the webhook writes to it and the queue trigger listens on it (%Storage:IntakeQueueName%).')
param intakeQueueName string

@description('Optional. Subnet the app integrates with (outbound through its NAT gateway); empty for none.')
param virtualNetworkSubnetId string = ''

@description('Required. Application Insights connection string.')
param appInsightsConnectionString string

@description('Required. Key Vault URI with trailing slash; secrets are referenced as {uri}secrets/{name}.')
param keyVaultUri string

@description('Required. Names of the Key Vault secrets that exist; a secret setting whose secret is not listed is left empty.')
param availableSecretNames string[]

@description('Optional. Platforms to connect, each with its non-secret settings, e.g. { Douyin: { AppKey: \'...\' } }. A platform left out gets no settings.')
param platforms object = {}

@description('Optional. Shops with their own credentials, pull switch and (WeChat) push user name.')
param shops shopType[] = []

@description('Required. The ERP the orders go to.')
@allowed([
  'Kingdee'
  'Sap'
  'YonBip'
  'Jushuitan'
])
param erpKind string

@description('Optional. Non-secret settings of that ERP by setting name (see docs/deploy.md), e.g. { BaseUrl: \'https://erp.example.com/k3cloud/\', AcctId: \'...\' }.')
param erpSettings object = {}

@description('Optional. The ERP\'s total calls per second, shared by the instances that call the ERP (GovernorMembership).')
param erpMaxCallsPerSecond string = '5'

@description('Optional. The ERP\'s total calls in flight at once, shared the same way.')
@minValue(1)
param erpMaxConcurrency int = 4

@description('Optional. SMTP relay for alert e-mails: { Host, Port, From, To, UserName }; the password is the alerts-smtp-password secret.')
param alertSmtp object = {}

@description('Optional. Service Bus namespace host for order events; empty means events are not published.')
param serviceBusFullyQualifiedNamespace string = ''

@description('Optional. Topic for order events.')
param serviceBusTopicName string = 'order-events'

@description('Optional. Most instances Flex Consumption scales out to.')
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

@description('Optional. App Service authentication with Entra ID (app roles viewer, operator, admin); null leaves it off and only the role keys open the admin routes.')
param entraAuth entraAuthType?

@description('Optional. Further non-secret app settings (e.g. tunables such as Sync__WriteErpMaxAttempts); they win over the generated ones.')
param extraAppSettings object = {}

// The configuration-consistency test (tests/Infra.Tests) reads the variables below by name from the compiled template:
// every object variable named *Settings holds full setting names; platformSettingsByName, erpSettingsByKind and
// erpGovernor hold names under Platforms__{name}__ and Erp__{kind}__. Add new settings to one of them.

var hostSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  // host.json names this connection for Durable Functions (storageProvider.connectionName).
  DurableTaskStorage__credential: 'managedidentity'
  DurableTaskStorage__clientId: identityClientId
  DurableTaskStorage__blobServiceUri: taskHubBlobEndpoint
  DurableTaskStorage__queueServiceUri: taskHubQueueEndpoint
  DurableTaskStorage__tableServiceUri: taskHubTableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
}

var storageSettings = {
  Storage__TableServiceUri: tableEndpoint
  Storage__QueueServiceUri: queueEndpoint
  // Intake batches keep their raw push bodies in the orders-intake-bodies container (the identity is Storage Blob Data Owner).
  Storage__BlobServiceUri: blobEndpoint
  Storage__ManagedIdentityClientId: identityClientId
  Storage__IntakeQueueName: intakeQueueName
}

var coreSettings = {
  Erp__Kind: erpKind
  // config/profiles/*.json ship in the package under profiles/ and are seeded on start; existing profiles are kept.
  Profiles__SeedDirectory: 'profiles'
}

// The app trusts the App Service principal header only when the authentication below is on (Access__EasyAuthEnabled);
// the role keys for machine callers live in Key Vault.
var easyAuthEnabled = entraAuth != null
var entraClientId = entraAuth.?clientId ?? ''

var accessSettings = {
  Access__ViewerKey: secretRef(keyVaultUri, availableSecretNames, 'access-viewer-key')
  Access__OperatorKey: secretRef(keyVaultUri, availableSecretNames, 'access-operator-key')
  Access__AdminKey: secretRef(keyVaultUri, availableSecretNames, 'access-admin-key')
  Access__EasyAuthEnabled: string(easyAuthEnabled)
}

// With a client secret in Key Vault (entra-client-secret) the sign-in uses the authorization code flow; without, ID tokens.
var entraClientSecretAvailable = contains(availableSecretNames, 'entra-client-secret')

var entraSecretSetting = easyAuthEnabled && entraClientSecretAvailable
  ? { MICROSOFT_PROVIDER_AUTHENTICATION_SECRET: secretRef(keyVaultUri, availableSecretNames, 'entra-client-secret') }
  : {}

var alertSettings = {
  Alerts__WeComWebhookUrl: secretRef(keyVaultUri, availableSecretNames, 'alerts-wecom-webhook-url')
  Alerts__DingTalkWebhookUrl: secretRef(keyVaultUri, availableSecretNames, 'alerts-dingtalk-webhook-url')
  Alerts__DingTalkSecret: secretRef(keyVaultUri, availableSecretNames, 'alerts-dingtalk-secret')
  Alerts__FeishuWebhookUrl: secretRef(keyVaultUri, availableSecretNames, 'alerts-feishu-webhook-url')
  Alerts__FeishuSecret: secretRef(keyVaultUri, availableSecretNames, 'alerts-feishu-secret')
  Alerts__Smtp__Host: alertSmtp.?Host ?? ''
  Alerts__Smtp__Port: string(alertSmtp.?Port ?? 587)
  Alerts__Smtp__From: alertSmtp.?From ?? ''
  Alerts__Smtp__To: alertSmtp.?To ?? ''
  Alerts__Smtp__UserName: alertSmtp.?UserName ?? ''
  Alerts__Smtp__Password: secretRef(keyVaultUri, availableSecretNames, 'alerts-smtp-password')
}

var serviceBusSettings = {
  ServiceBus__FullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBus__ManagedIdentityClientId: identityClientId
  ServiceBus__TopicName: serviceBusTopicName
}

// Default gateways are the platforms' production hosts (reference/platforms.md).
var platformSettingsByName = {
  Douyin: {
    ApiBaseUrl: platforms.?Douyin.?ApiBaseUrl ?? 'https://openapi-fxg.jinritemai.com'
    AppKey: platforms.?Douyin.?AppKey ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'douyin-app-secret')
    AccessToken: secretRef(keyVaultUri, availableSecretNames, 'douyin-access-token')
  }
  Kuaishou: {
    ApiBaseUrl: platforms.?Kuaishou.?ApiBaseUrl ?? 'https://openapi.kwaixiaodian.com'
    AppKey: platforms.?Kuaishou.?AppKey ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'kuaishou-app-secret')
    SignSecret: secretRef(keyVaultUri, availableSecretNames, 'kuaishou-sign-secret')
    MessageKey: secretRef(keyVaultUri, availableSecretNames, 'kuaishou-message-key')
    AccessToken: secretRef(keyVaultUri, availableSecretNames, 'kuaishou-access-token')
  }
  WeChat: {
    ApiBaseUrl: platforms.?WeChat.?ApiBaseUrl ?? 'https://api.weixin.qq.com'
    AppId: platforms.?WeChat.?AppId ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'wechat-app-secret')
    Token: secretRef(keyVaultUri, availableSecretNames, 'wechat-token')
    EncodingAesKey: secretRef(keyVaultUri, availableSecretNames, 'wechat-encoding-aes-key')
  }
  Taobao: {
    ApiBaseUrl: platforms.?Taobao.?ApiBaseUrl ?? 'https://eco.taobao.com/router/rest'
    AppKey: platforms.?Taobao.?AppKey ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'taobao-app-secret')
    SessionKey: secretRef(keyVaultUri, availableSecretNames, 'taobao-session-key')
  }
}

// Named as the ERP option classes' properties (Erp:{Kind}); tunables with defaults in code are left out (extraAppSettings).
var erpSettingsByKind = {
  Kingdee: {
    BaseUrl: erpSettings.?BaseUrl ?? ''
    AcctId: erpSettings.?AcctId ?? ''
    UserName: erpSettings.?UserName ?? ''
    AppId: erpSettings.?AppId ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'kingdee-app-secret')
    Lcid: string(erpSettings.?Lcid ?? 2052)
  }
  Sap: {
    BaseUrl: erpSettings.?BaseUrl ?? ''
    UserName: erpSettings.?UserName ?? ''
    Password: secretRef(keyVaultUri, availableSecretNames, 'sap-password')
    Client: erpSettings.?Client ?? ''
    SalesOrganization: erpSettings.?SalesOrganization ?? ''
    DistributionChannel: erpSettings.?DistributionChannel ?? ''
    OrganizationDivision: erpSettings.?OrganizationDivision ?? ''
    Plant: erpSettings.?Plant ?? ''
    StorageLocation: erpSettings.?StorageLocation ?? ''
  }
  YonBip: {
    BaseUrl: erpSettings.?BaseUrl ?? ''
    TokenUrl: erpSettings.?TokenUrl ?? ''
    AppKey: erpSettings.?AppKey ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'yonbip-app-secret')
    SettlementOrgId: erpSettings.?SettlementOrgId ?? ''
    StockOrgId: erpSettings.?StockOrgId ?? ''
    StockQueryOrg: erpSettings.?StockQueryOrg ?? ''
    StockQueryWarehouse: erpSettings.?StockQueryWarehouse ?? ''
  }
  Jushuitan: {
    BaseUrl: erpSettings.?BaseUrl ?? 'https://openapi.jushuitan.com'
    AppKey: erpSettings.?AppKey ?? ''
    AppSecret: secretRef(keyVaultUri, availableSecretNames, 'jushuitan-app-secret')
    AccessToken: secretRef(keyVaultUri, availableSecretNames, 'jushuitan-access-token')
    ShopId: erpSettings.?ShopId ?? ''
    WmsCoId: erpSettings.?WmsCoId ?? ''
  }
}

var erpGovernor = {
  MaxCallsPerSecond: erpMaxCallsPerSecond
  MaxConcurrency: string(erpMaxConcurrency)
}

var platformAppSettings = reduce(
  map(
    filter(objectKeys(platforms), p => contains(platformSettingsByName, p)),
    p => toObject(items(platformSettingsByName[p]), i => 'Platforms__${p}__${i.key}', i => i.value)
  ),
  {},
  (all, next) => union(all, next)
)

var erpAppSettings = toObject(
  items(union(erpSettingsByKind[erpKind], erpGovernor)),
  i => 'Erp__${erpKind}__${i.key}',
  i => i.value
)

// Every shop gets the PlatformShopSettings keys; AppId/AppSecret matter for WeChat shops that are their own 小店 app.
var shopAppSettings = reduce(
  map(
    shops,
    shop =>
      union(
        {
          'Platforms__${shop.platform}__Shops__${shop.shopId}__PullEnabled': string(shop.?pullEnabled ?? true)
          'Platforms__${shop.platform}__Shops__${shop.shopId}__AccessToken': secretRef(
            keyVaultUri,
            availableSecretNames,
            shopSecretName(shop.platform, shop.shopId, 'access-token')
          )
          'Platforms__${shop.platform}__Shops__${shop.shopId}__AppId': shop.?appId ?? ''
          'Platforms__${shop.platform}__Shops__${shop.shopId}__AppSecret': secretRef(
            keyVaultUri,
            availableSecretNames,
            shopSecretName(shop.platform, shop.shopId, 'app-secret')
          )
        },
        shop.platform == 'WeChat' && !empty(shop.?userName ?? '')
          ? { 'Platforms__WeChat__UserNames__${shop.?userName}': shop.shopId }
          : {}
      )
  ),
  {},
  (all, next) => union(all, next)
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity, not a system identity the app does not have.
    keyVaultReferenceIdentity: identityResourceId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    hostSettings,
    storageSettings,
    coreSettings,
    accessSettings,
    entraSecretSetting,
    alertSettings,
    empty(serviceBusFullyQualifiedNamespace) ? {} : serviceBusSettings,
    platformAppSettings,
    erpAppSettings,
    shopAppSettings,
    extraAppSettings
  )
}

// Optional Entra ID sign-in for people. Anonymous requests still reach the app: platforms push to the webhooks without
// a token and machine callers use role keys; the app's role check (AdminAccess) refuses everything else, and App Service
// removes any X-MS-CLIENT-PRINCIPAL header a client sends, so the app can trust it.
resource authSettings 'Microsoft.Web/sites/config@2025-03-01' = if (easyAuthEnabled) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          clientSecretSettingName: entraClientSecretAvailable ? 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET' : null
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraAuth.?tenantId ?? tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: entraAuth.?allowedAudiences ?? ['api://${entraClientId}', entraClientId]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
  dependsOn: [appSettings]
}

// Deployments use Entra ID (azd, az functionapp deploy); basic-auth publishing over FTP and SCM is off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('Name of the Function App.')
output name string = site.name

@description('Resource id of the Function App.')
output resourceId string = site.id

@description('Whether App Service authentication with Entra ID is on.')
output easyAuthEnabled bool = easyAuthEnabled

@description('Default host name, e.g. {name}.azurewebsites.net; webhooks are https://{host}/api/webhooks/{platform}.')
output defaultHostName string = site.properties.defaultHostName
