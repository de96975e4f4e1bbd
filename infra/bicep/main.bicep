// ServerlessSync infrastructure entry point.
// The foundation ships the application only; the full deployment (Flex Consumption Function App with a
// user-assigned managed identity, identity-based storage, Key Vault, Application Insights, alert rules,
// optional Service Bus) is tracked by the infrastructure issue and will replace this file.
targetScope = 'resourceGroup'

@description('Azure region for every resource; defaults to the resource group location.')
param location string = resourceGroup().location

@description('Short environment name used to derive resource names, e.g. "dev" or "prod".')
@minLength(2)
@maxLength(12)
param environmentName string

@description('Deterministic suffix that keeps globally unique names stable across deployments.')
output resourceToken string = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
