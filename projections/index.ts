// Read models: the document store port and its adapters, the projection runner, the projections.
export type {
  Collection, CollectionSpec, Doc, FieldCondition, Filter, FindOptions, IndexSpec, Page, ReadModelStore,
  ReadModelTx, Scalar, SortKey,
} from './read-model-store.ts';
export { createSqliteReadModelStore } from './sqlite-read-model-store.ts';
export type { SqliteReadModelStoreOptions } from './sqlite-read-model-store.ts';
export { createMutex } from './mutex.ts';
export { createMongoReadModelStore } from './mongodb-read-model-store.ts';
export type { MongoReadModelStoreOptions } from './mongodb-read-model-store.ts';
export type { Projection } from './projection.ts';
export { ProjectionRunner, type ProjectionStatus } from './projection-runner.ts';
export { productionDoc, workflowsProjection, WORKFLOWS, type PublishedInfo, type WorkflowDoc } from './workflows-projection.ts';
export {
  createWorkflowHistoryProjection, WORKFLOW_HISTORY, WORKFLOW_VERSIONS, type WorkflowHistoryDoc, type WorkflowVersionDoc,
} from './workflow-history-projection.ts';
export { auditProjection, AUDIT, type AuditDoc } from './audit-projection.ts';
export {
  identityProjection, USERS, WORKSPACES, MEMBERS, INVITATIONS, VARIABLES, API_KEYS,
  type UserDoc, type WorkspaceDoc, type MemberDoc, type InvitationDoc, type VariableDoc, type ApiKeyDoc,
} from './identity-projection.ts';
export { credentialsProjection, CREDENTIALS, type CredentialDoc } from './credentials-projection.ts';
export { executionsProjection, addAiUsage, EXECUTIONS, EXECUTION_BLOB_REFS, EXECUTION_CATEGORY, type AiUsageTotals, type BlobRefDoc, type ExecutionDoc } from './executions-projection.ts';
export {
  webhooksProjection, WEBHOOKS, WEBHOOK_OWNERS, webhookKey,
  type WebhookDoc, type WebhookOwnerDoc,
} from './webhooks-projection.ts';
export type { QuarantineRecord } from './quarantine.ts';
export { dataTablesProjection, dataTableRowKey, DATA_TABLES, DATA_TABLE_ROWS, type DataTableDoc, type DataTableRowDoc } from './data-tables-projection.ts';
export { notificationRulesProjection, NOTIFICATION_RULES, type NotificationRuleDoc } from './notification-rules-projection.ts';
export { insightsProjection, INSIGHTS_HOURS, type InsightsHourDoc } from './insights-projection.ts';
export { mergeInto, percentile, withSample, type RunTimeHistogram } from './run-time-histogram.ts';
