// Read models: the document store port and its adapters, the projection runner, the projections.
export type {
  Collection, CollectionSpec, Doc, FieldCondition, Filter, FindOptions, IndexSpec, Page, ReadModelStore,
  ReadModelTx, Scalar, SortKey,
} from './read-model-store.ts';
export { createSqliteReadModelStore } from './sqlite-read-model-store.ts';
export type { SqliteReadModelStoreOptions } from './sqlite-read-model-store.ts';
export { createMongoReadModelStore } from './mongodb-read-model-store.ts';
export type { MongoReadModelStoreOptions } from './mongodb-read-model-store.ts';
export type { Projection } from './projection.ts';
export { ProjectionRunner, type ProjectionStatus } from './projection-runner.ts';
export { workflowsProjection, WORKFLOWS, type WorkflowDoc } from './workflows-projection.ts';
export { workflowHistoryProjection, WORKFLOW_HISTORY, type WorkflowHistoryDoc } from './workflow-history-projection.ts';
export { auditProjection, AUDIT, type AuditDoc } from './audit-projection.ts';
