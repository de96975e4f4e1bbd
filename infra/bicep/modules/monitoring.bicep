import { roleAssignmentType } from '../types.bicep'

metadata description = 'Log Analytics workspace and a workspace-based Application Insights component with local (key) auth disabled: telemetry is accepted only with an Entra ID token.'

@description('Required. Name of the Log Analytics workspace.')
param workspaceName string

@description('Required. Name of the Application Insights component.')
param appInsightsName string

@description('Optional. Azure region.')
param location string = resourceGroup().location

@description('Optional. Tags for the resources.')
param tags object = {}

@description('Optional. Days the workspace keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Optional. Roles to grant on the Application Insights component (Monitoring Metrics Publisher for the app identity).')
param roleAssignments roleAssignmentType[] = []

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in roleAssignments: {
    name: guid(appInsights.id, role.principalId, role.roleDefinitionId)
    scope: appInsights
    properties: {
      principalId: role.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role.roleDefinitionId)
      principalType: role.?principalType ?? 'ServicePrincipal'
    }
  }
]

@description('Resource id of the Application Insights component (scope of the alert rules).')
output appInsightsResourceId string = appInsights.id

@description('Name of the Application Insights component.')
output appInsightsName string = appInsights.name

@description('Connection string of the component. It identifies the component; with local auth disabled it grants nothing without an Entra ID token.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

@description('Resource id of the Log Analytics workspace.')
output workspaceResourceId string = workspace.id
