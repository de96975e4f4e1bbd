metadata description = 'On-call alerting and the first page to open: an action group (e-mail), alert rules on metrics (poison-queue depth, intake backlog age, order failure rate, pending-stock age from the app\'s custom metrics; HTTP 5xx from Application Insights\' standard request metric) and the operations workbook. Queries are the files in infra/monitoring.'

@description('Required. Name prefix of the alert resources.')
param namePrefix string

@description('Optional. Azure region of the rules and the workbook.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources.')
param tags object = {}

@description('Required. Resource id of the Application Insights component the rules query.')
param appInsightsResourceId string

@description('Optional. E-mail addresses that receive the alerts; none means the rules fire without notifying anyone.')
param alertEmails string[] = []

@description('Optional. Failure rate (percent of finished orders) that raises the failure alert.')
@minValue(1)
@maxValue(100)
param failureRatePercent int = 5

@description('Optional. Orders that must finish in the window before the failure rate counts.')
@minValue(1)
param failureRateMinOrders int = 20

@description('Optional. Minutes an order may wait for stock before the pending-stock alert fires.')
@minValue(5)
param pendingStockMaxMinutes int = 240

@description('Optional. Minutes the oldest intake message may wait before the backlog alert fires.')
@minValue(1)
param intakeBacklogMaxMinutes int = 15

@description('Optional. Server errors (HTTP 5xx answers of the app) in 5 minutes that raise the HTTP alert.')
@minValue(0)
param http5xxThreshold int = 5

var poisonQuery = loadTextContent('../../monitoring/alert-poison-queue.kql')
var backlogQuery = loadTextContent('../../monitoring/alert-intake-backlog-age.kql')
var failureRateQuery = replace(loadTextContent('../../monitoring/alert-failure-rate.kql'), 'let minOrders = 20;', 'let minOrders = ${failureRateMinOrders};')
var pendingStockQuery = loadTextContent('../../monitoring/alert-pending-stock-age.kql')

var rules = [
  {
    name: '${namePrefix}-poison-queue'
    displayName: 'ServerlessSync: intake messages poisoned'
    description: 'Messages wait in orders-intake-poison after 5 failed starts. Open the workbook, then order-trace.kql with the order\'s instance id; redrive with docs/deploy.md.'
    severity: 1
    windowSize: 'PT5M'
    query: poisonQuery
    timeAggregation: 'Maximum'
    metricMeasureColumn: 'poisonDepth'
    threshold: 0
  }
  {
    name: '${namePrefix}-intake-backlog-age'
    displayName: 'ServerlessSync: intake backlog too old'
    description: 'The oldest message in orders-intake has waited more than ${intakeBacklogMaxMinutes} minutes: the queue trigger is not keeping up or not running.'
    severity: 2
    windowSize: 'PT5M'
    query: backlogQuery
    timeAggregation: 'Maximum'
    metricMeasureColumn: 'oldestMessageMinutes'
    threshold: intakeBacklogMaxMinutes
  }
  {
    name: '${namePrefix}-failure-rate'
    displayName: 'ServerlessSync: order failure rate high'
    description: 'More than ${failureRatePercent}% of the orders that finished in 15 minutes failed (ERP rejected them or retries ran out).'
    severity: 2
    windowSize: 'PT15M'
    query: failureRateQuery
    timeAggregation: 'Maximum'
    metricMeasureColumn: 'failureRatePercent'
    threshold: failureRatePercent
  }
  {
    name: '${namePrefix}-pending-stock-age'
    displayName: 'ServerlessSync: orders waiting for stock too long'
    description: 'An order has waited more than ${pendingStockMaxMinutes} minutes for ERP stock.'
    severity: 3
    windowSize: 'PT30M'
    query: pendingStockQuery
    timeAggregation: 'Maximum'
    metricMeasureColumn: 'oldestWaitMinutes'
    threshold: pendingStockMaxMinutes
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${namePrefix}-oncall'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'ssync-oncall'
    enabled: true
    emailReceivers: [
      for (email, i) in alertEmails: {
        name: 'email-${i}'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for rule in rules: {
    name: rule.name
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        appInsightsResourceId
      ]
      evaluationFrequency: 'PT5M'
      windowSize: rule.windowSize
      autoMitigate: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: rule.timeAggregation
            metricMeasureColumn: rule.metricMeasureColumn
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

// Standard Application Insights metric: counted before sampling. Only server errors: forged pushes answered 401 and
// malformed ones answered 400 are the webhook doing its job.
resource http5xxAlert 'Microsoft.Insights/metricAlerts@2026-01-01' = {
  name: '${namePrefix}-http-5xx'
  location: 'global'
  tags: tags
  properties: {
    description: 'The app answered more than ${http5xxThreshold} requests with a server error (5xx) in 5 minutes: platforms retry their pushes, but something is broken.'
    severity: 1
    enabled: true
    scopes: [
      appInsightsResourceId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    autoMitigate: true
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'server-errors'
          metricNamespace: 'microsoft.insights/components'
          metricName: 'requests/failed'
          dimensions: [
            {
              name: 'request/resultCode'
              operator: 'Include'
              values: [
                '500'
                '502'
                '503'
                '504'
              ]
            }
          ]
          operator: 'GreaterThan'
          threshold: http5xxThreshold
          timeAggregation: 'Count'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, namePrefix, 'operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'ServerlessSync operations'
    category: 'workbook'
    sourceId: appInsightsResourceId
    serializedData: loadTextContent('../../monitoring/serverlesssync-workbook.json')
  }
}

@description('Names of the log alert rules.')
output alertRuleNames string[] = [for (rule, i) in rules: alertRules[i].name]

@description('Name of the HTTP 5xx metric alert.')
output http5xxAlertName string = http5xxAlert.name

@description('Resource id of the action group.')
output actionGroupResourceId string = actionGroup.id

@description('Resource id of the operations workbook (the on-call person\'s first page).')
output workbookResourceId string = workbook.id
