// Example parameters: one Douyin shop selling into Kingdee K/3 Cloud, order events on Service Bus.
// azd reads the environment variables below (azd env set NAME value); az deployment group create reads them from
// the shell. Secrets come only from the environment, never from this file; an empty secret leaves its setting empty.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param location = readEnvironmentVariable('AZURE_LOCATION', 'eastasia')

// 抖店 app (open platform console → 应用管理). Push URL to enter there: the webhookUrlPattern output with douyin.
param platforms = {
  Douyin: {
    AppKey: readEnvironmentVariable('DOUYIN_APP_KEY', '')
  }
}
param douyinAppSecret = readEnvironmentVariable('DOUYIN_APP_SECRET', '')
param douyinAccessToken = readEnvironmentVariable('DOUYIN_ACCESS_TOKEN', '')

// Shops with their own access token (else the platform's douyinAccessToken applies), keyed "{platform}:{shopId}".
param shops = [
  {
    platform: 'Douyin'
    shopId: '100200300'
  }
]
param shopSecrets = {
  'Douyin:100200300': {
    accessToken: readEnvironmentVariable('DOUYIN_SHOP_100200300_ACCESS_TOKEN', '')
  }
}

// 金蝶云星空: the site's WebAPI root, 账套 id, integration user and the 第三方系统登录授权 AppID/AppSecret.
param erpKind = 'Kingdee'
param erpSettings = {
  BaseUrl: readEnvironmentVariable('KINGDEE_BASE_URL', '')
  AcctId: readEnvironmentVariable('KINGDEE_ACCT_ID', '')
  UserName: readEnvironmentVariable('KINGDEE_USER_NAME', '')
  AppId: readEnvironmentVariable('KINGDEE_APP_ID', '')
  Lcid: 2052
}
param kingdeeAppSecret = readEnvironmentVariable('KINGDEE_APP_SECRET', '')

// The ERP's own limits, in total: the instances that call the ERP share them (docs/erp-governor.md), however far
// the app scales out. Set them a little under what the ERP takes; a burst then waits in orders-intake and durable
// retries instead of overrunning the ERP.
param maximumInstanceCount = 40
param erpMaxCallsPerSecond = '5'
param erpMaxConcurrency = 4

// The person running azd up (azd sets AZURE_PRINCIPAL_ID) gets the data roles on-call needs with shared keys off.
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param operatorPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

// ERP behind an IP allow-list: azd env set ENABLE_VNET_INTEGRATION true, then give the outboundIpAddress output to
// the ERP's administrator (docs/deploy.md).
param enableVnetIntegration = bool(readEnvironmentVariable('ENABLE_VNET_INTEGRATION', 'false'))
param enablePrivateEndpoints = bool(readEnvironmentVariable('ENABLE_PRIVATE_ENDPOINTS', 'false'))

param weComWebhookUrl = readEnvironmentVariable('WECOM_WEBHOOK_URL', '')
param alertEmails = empty(readEnvironmentVariable('ALERT_EMAIL', '')) ? [] : [readEnvironmentVariable('ALERT_EMAIL', '')]

param enableServiceBus = true
param orderEventSubscriptions = [
  {
    name: 'all-events'
  }
  {
    name: 'warehouse'
    eventTypes: [
      'synced'
    ]
  }
]
