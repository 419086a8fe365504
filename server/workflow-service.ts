// Application service for workflows: runs commands on the aggregate, then answers from the read
// model once it has caught up with the write (read-your-writes).
import {
  ENTITY_ID_PATTERN, newEntityId, NotFoundError, streamName, WORKFLOW_CATEGORY, workflowDecider,
  type WorkflowCommand, type WorkflowDefinition, type WorkflowState,
} from '../domain/index.ts';
import type { EventStore } from '../events/index.ts';
import { WORKFLOW_HISTORY, WORKFLOWS, type Filter, type Page, type ProjectionRunner, type WorkflowDoc, type WorkflowHistoryDoc } from '../projections/index.ts';
import type { RequestContext, RunCommand } from './commands.ts';

export type { RequestContext };

export interface ListWorkflowsQuery {
  workspaceId: string;
  /** List the workflows other workspaces shared with this one instead of its own. */
  shared?: boolean;
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
  run: RunCommand;
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

export function createWorkflowService(deps: WorkflowServiceDeps) {
  const { events, workflows, history, run } = deps;

  async function execute(id: string, command: WorkflowCommand, ctx: RequestContext, expectedRevision?: number): Promise<WorkflowDoc> {
    const workspaceId = command.type === 'CreateWorkflow' ? command.workspaceId : (await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id))?.workspaceId;
    const result = await run(workflowDecider, streamName(WORKFLOW_CATEGORY, id), command, ctx, { expectedRevision, workspaceId });
    const doc = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
    return doc ?? docFromState(id, result.state, result.revision);
  }

  return {
    create(workspaceId: string, definition: WorkflowDefinition, tags: string[], ctx: RequestContext): Promise<WorkflowDoc> {
      return execute(newEntityId(), { type: 'CreateWorkflow', workspaceId, definition, tags }, ctx);
    },

    /** Imports n8n workflows: keeps a given id when it is valid and free, else assigns a new one. */
    async import(workspaceId: string, items: { definition: WorkflowDefinition; tags: string[]; id?: string }[], ctx: RequestContext) {
      const imported: { id: string; name: string; requestedId?: string }[] = [];
      for (const item of items) {
        let id = item.id && ENTITY_ID_PATTERN.test(item.id) ? item.id : newEntityId();
        if ((await events.streamRevision(streamName(WORKFLOW_CATEGORY, id))) >= 0) id = newEntityId();
        const doc = await execute(id, { type: 'CreateWorkflow', workspaceId, definition: item.definition, tags: item.tags }, ctx);
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
    share: (id: string, workspaceId: string, ctx: RequestContext) => execute(id, { type: 'ShareWorkflow', workspaceId }, ctx),
    unshare: (id: string, workspaceId: string, ctx: RequestContext) => execute(id, { type: 'UnshareWorkflow', workspaceId }, ctx),

    /** The workflow's read model, or undefined: access checks use it to find the owning workspace. */
    find: (id: string) => workflows.collection<WorkflowDoc>(WORKFLOWS).get(id),

    async get(id: string): Promise<WorkflowDoc> {
      const doc = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
      if (!doc) throw new NotFoundError('Workflow', id);
      return doc;
    },

    async list(query: ListWorkflowsQuery): Promise<Page<WorkflowDoc>> {
      const filter: Filter = { deleted: query.deleted ?? false };
      if (query.shared) filter.sharedWith = { $has: query.workspaceId };
      else filter.workspaceId = query.workspaceId;
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
  const definition = state.definition!;
  const now = new Date().toISOString();
  return {
    id, name: definition.name, active: state.active, deleted: state.deleted, tags: state.tags,
    definition, revision, versionId: '', nodeCount: definition.nodes.length,
    createdAt: now, updatedAt: now, createdBy: '', updatedBy: '', workspaceId: state.workspaceId, sharedWith: state.sharedWith,
  };
}
