// Application service for workflows: runs commands on the aggregate, then answers from the read
// model once it has caught up with the write (read-your-writes).
import {
  ConflictError, ENTITY_ID_PATTERN, newEntityId, NotFoundError, streamName, WORKFLOW_CATEGORY, workflowDecider,
  type Actor, type WorkflowCommand, type WorkflowDefinition, type WorkflowState,
} from '../domain/index.ts';
import { handleCommand, type EventStore } from '../events/index.ts';
import { WORKFLOW_HISTORY, WORKFLOWS, type Filter, type Page, type ProjectionRunner, type WorkflowDoc, type WorkflowHistoryDoc } from '../projections/index.ts';
import type { Logger } from './logger.ts';

export interface RequestContext {
  actor: Actor;
  /** Unique per request (or the client's Idempotency-Key). */
  requestId: string;
}

export interface ListWorkflowsQuery {
  name?: string;
  tag?: string;
  active?: boolean;
  deleted?: boolean;
  limit: number;
  cursor?: string;
}

export interface WorkflowServiceDeps {
  events: EventStore;
  workflows: ProjectionRunner;
  history: ProjectionRunner;
  logger: Logger;
  readYourWritesTimeoutMs: number;
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

export function createWorkflowService(deps: WorkflowServiceDeps) {
  const { events, workflows, history, logger } = deps;

  async function execute(id: string, command: WorkflowCommand, ctx: RequestContext, expectedRevision?: number): Promise<WorkflowDoc> {
    const result = await handleCommand(events, workflowDecider, streamName(WORKFLOW_CATEGORY, id), command, {
      actor: ctx.actor,
      commandId: `${ctx.requestId}:${id}`,
      correlationId: ctx.requestId,
      expectedRevision,
    });
    if (result.position !== undefined) {
      try {
        await workflows.waitFor(result.position, deps.readYourWritesTimeoutMs);
      } catch (error) {
        // The write is committed; answer from the aggregate rather than fail a successful write.
        logger.warn({ err: error, workflowId: id }, 'read model lagging; answering from the aggregate');
        return docFromState(id, result.state, result.revision);
      }
    }
    const doc = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
    return doc ?? docFromState(id, result.state, result.revision);
  }

  return {
    async create(definition: WorkflowDefinition, tags: string[], ctx: RequestContext, id = newEntityId()): Promise<WorkflowDoc> {
      return execute(id, { type: 'CreateWorkflow', definition, tags }, ctx);
    },

    /** Imports n8n workflows: keeps a given id when it is valid and free, else assigns a new one. */
    async import(items: { definition: WorkflowDefinition; tags: string[]; id?: string }[], ctx: RequestContext) {
      const imported: { id: string; name: string; requestedId?: string }[] = [];
      for (const item of items) {
        let id = item.id && ENTITY_ID_PATTERN.test(item.id) ? item.id : newEntityId();
        if ((await events.streamRevision(streamName(WORKFLOW_CATEGORY, id))) >= 0) id = newEntityId();
        const doc = await execute(id, { type: 'CreateWorkflow', definition: item.definition, tags: item.tags }, ctx);
        imported.push({ id: doc.id, name: doc.name, ...(item.id && item.id !== id ? { requestedId: item.id } : {}) });
      }
      return imported;
    },

    update(id: string, definition: WorkflowDefinition, tags: string[] | undefined, ctx: RequestContext, expectedRevision?: number) {
      return execute(id, { type: 'UpdateWorkflow', definition, tags }, ctx, expectedRevision);
    },
    rename: (id: string, name: string, ctx: RequestContext, expectedRevision?: number) => execute(id, { type: 'RenameWorkflow', name }, ctx, expectedRevision),
    delete: (id: string, ctx: RequestContext, expectedRevision?: number) => execute(id, { type: 'DeleteWorkflow' }, ctx, expectedRevision),
    undelete: (id: string, ctx: RequestContext) => execute(id, { type: 'RestoreDeletedWorkflow' }, ctx),
    activate: (id: string, ctx: RequestContext) => execute(id, { type: 'ActivateWorkflow' }, ctx),
    deactivate: (id: string, ctx: RequestContext) => execute(id, { type: 'DeactivateWorkflow' }, ctx),
    setTags: (id: string, tags: string[], ctx: RequestContext) => execute(id, { type: 'TagWorkflow', tags }, ctx),

    async get(id: string): Promise<WorkflowDoc> {
      const doc = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
      if (!doc) throw new NotFoundError('Workflow', id);
      return doc;
    },

    async list(query: ListWorkflowsQuery): Promise<Page<WorkflowDoc>> {
      const filter: Filter = { deleted: query.deleted ?? false };
      if (query.name) filter.name = { $contains: query.name };
      if (query.tag) filter.tags = { $has: query.tag };
      if (query.active !== undefined) filter.active = query.active;
      return workflows.collection<WorkflowDoc>(WORKFLOWS).find({
        filter,
        sort: [{ field: 'updatedAt', direction: 'desc' }],
        limit: query.limit,
        cursor: query.cursor,
      });
    },

    async history(id: string, limit: number, cursor?: string): Promise<Page<WorkflowHistoryDoc>> {
      if (!(await workflows.collection(WORKFLOWS).get(id))) throw new NotFoundError('Workflow', id);
      return history.collection<WorkflowHistoryDoc>(WORKFLOW_HISTORY).find({
        filter: { workflowId: id },
        sort: [{ field: 'revision', direction: 'desc' }],
        limit,
        cursor,
      });
    },
  };
}

function docFromState(id: string, state: WorkflowState, revision: number): WorkflowDoc {
  if (!state.definition) throw new ConflictError('The workflow has no definition');
  const now = new Date().toISOString();
  return {
    id, name: state.definition.name, active: state.active, deleted: state.deleted, tags: state.tags,
    definition: state.definition, revision, versionId: '', nodeCount: state.definition.nodes.length,
    createdAt: now, updatedAt: now, createdBy: '', updatedBy: '',
  };
}
