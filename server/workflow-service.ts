// Application service for workflows: runs commands on the aggregate, then answers from the read
// model once it has caught up with the write (read-your-writes).
import {
  deepEqual, diffDefinitions, ENTITY_ID_PATTERN, fold, newEntityId, nodeKey, NotFoundError, streamName, ValidationError, WORKFLOW_CATEGORY, workflowDecider, workflowTestsDecider,
  type NodeIssue, type WorkflowTestCase, type PublishRequest, type WorkflowCommand, type WorkflowDefinition, type WorkflowDiff, type WorkflowDraftCheckedData, type WorkflowEvent, type WorkflowState,
} from '../domain/index.ts';
import type { EventStore } from '../events/index.ts';
import {
  WORKFLOW_HISTORY, WORKFLOW_VERSIONS, WORKFLOWS,
  type Filter, type Page, type ProjectionRunner, type WorkflowDoc, type WorkflowHistoryDoc, type WorkflowVersionDoc,
} from '../projections/index.ts';
import { versionAt } from './collab/definition-at.ts';
import { assertCleanCheck, lastCheckOfDraft, recordDraftCheck } from './publishing/check-record.ts';
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
  /** What keeps a workflow from running (unknown node types, credentials not chosen): activation is refused. */
  issuesOf?: (definition: WorkflowDefinition) => NodeIssue[];
}

export type WorkflowService = ReturnType<typeof createWorkflowService>;

/** What to publish: the draft, or `revision` (a rollback), with an optional message. */
export interface PublishOptions {
  revision?: number;
  message?: string;
}

/** Two revisions compared: nodes by name (n8n's key), plus the nodes that kept their id under a new name. */
export interface VersionDiff extends WorkflowDiff {
  from: number;
  to: number;
  nodesRenamed: { id: string; from: string; to: string }[];
}

export function createWorkflowService(deps: WorkflowServiceDeps) {
  const { events, workflows, history, run } = deps;

  /** What keeps a workflow from running, per node: activation is refused while there is any. */
  const issues = (definition: WorkflowDefinition): NodeIssue[] => deps.issuesOf?.(definition) ?? [];

  /** The definition `options` names: an earlier revision's, or none for the draft. */
  async function publishRequest(doc: WorkflowDoc, options: PublishOptions): Promise<PublishRequest> {
    const definition = options.revision === undefined ? undefined : (await versionAt(events, doc.id, options.revision)).state.definition;
    return { ...(definition ? { revision: options.revision, definition } : {}), ...(options.message ? { message: options.message } : {}) };
  }

  /** A workflow whose nodes have issues (unknown types, credentials not chosen) is not published. */
  async function checkedPublish(id: string, options: PublishOptions, verb: string): Promise<PublishRequest> {
    const doc = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
    if (!doc || doc.deleted) return {};
    const request = await publishRequest(doc, options);
    const definition = request.definition ?? doc.definition;
    const unchanged = doc.active && deepEqual(definition, doc.publishedDefinition ?? doc.definition);
    const found = unchanged ? [] : issues(definition);
    if (found.length > 0) {
      const named = [...new Set(found.map((i) => `'${i.node}'`))].join(', ');
      throw new ValidationError(`The workflow cannot be ${verb}: fix ${named} first`, found.map((i) => ({ path: `nodes.${i.index}`, message: `${i.node}: ${i.message}` })));
    }
    await assertCleanCheck(events, doc, options.revision !== undefined);
    return request;
  }

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

    /**
     * Imports n8n workflows: keeps a given id when it is valid and free, else assigns a new one. The
     * test cases a file carries (checked before the call) become the new workflow's tests.
     */
    async import(workspaceId: string, items: { definition: WorkflowDefinition; tags: string[]; id?: string; tests?: WorkflowTestCase[] }[], ctx: RequestContext) {
      const imported: { id: string; name: string; requestedId?: string }[] = [];
      for (const item of items) {
        let id = item.id && ENTITY_ID_PATTERN.test(item.id) ? item.id : newEntityId();
        if ((await events.streamRevision(streamName(WORKFLOW_CATEGORY, id))) >= 0) id = newEntityId();
        const doc = await execute(id, { type: 'CreateWorkflow', workspaceId, definition: item.definition, tags: item.tags }, ctx);
        for (const test of item.tests ?? []) {
          await run(workflowTestsDecider, streamName(WORKFLOW_CATEGORY, id), { type: 'AddWorkflowTest', test }, ctx, { workspaceId });
        }
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
    issues,
    /** The workflow's test cases (for exports: they travel with the workflow file). */
    async testCases(id: string): Promise<WorkflowTestCase[]> {
      return fold(workflowTestsDecider, await events.readStream(streamName(WORKFLOW_CATEGORY, id)) as Array<{ type: string; data: unknown }>).tests;
    },

    /** Activation publishes the draft (or the revision named) and arms the triggers. */
    async activate(id: string, ctx: RequestContext, options: PublishOptions = {}): Promise<WorkflowDoc> {
      const publish = await checkedPublish(id, options, 'activated');
      return execute(id, { type: 'ActivateWorkflow', publish }, ctx);
    },

    /** Makes the draft, or an earlier revision, what production runs. */
    async publish(id: string, ctx: RequestContext, options: PublishOptions = {}): Promise<WorkflowDoc> {
      const publish = await checkedPublish(id, options, 'published');
      return execute(id, { type: 'PublishWorkflow', publish }, ctx);
    },

    publishRequest,

    /** Records how a check of the draft (as it was at `data.revision`) went: publishing may require a clean one. */
    recordDraftCheck: (doc: WorkflowDoc, data: WorkflowDraftCheckedData, ctx: RequestContext) => recordDraftCheck(events, doc, data, ctx),
    /** The latest recorded check of the current draft, if any. */
    async lastDraftCheck(id: string) {
      const doc = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
      return doc ? lastCheckOfDraft(events, doc) : undefined;
    },
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

    /** The versions of a workflow (one per command: a save, a batch of live edits, a restore), newest first. */
    async versions(id: string, limit: number, cursor?: string): Promise<Page<WorkflowVersionDoc>> {
      return history.collection<WorkflowVersionDoc>(WORKFLOW_VERSIONS).find({
        filter: { workflowId: id },
        sort: [{ field: 'revision', direction: 'desc' }],
        limit,
        cursor,
      });
    },

    /** The workflow at a revision, and what differs from it in the current definition. */
    async version(id: string, revision: number) {
      const version = await versionAt(events, id, revision);
      const current = await workflows.collection<WorkflowDoc>(WORKFLOWS).get(id);
      const data = version.event.data as { authors?: string[] };
      return {
        revision,
        currentRevision: current?.revision ?? revision,
        at: version.event.metadata.at,
        actor: version.event.metadata.actor,
        authors: data?.authors ?? [version.event.metadata.actor.id],
        type: version.event.type,
        definition: version.state.definition,
        diff: current ? diffDefinitions(version.state.definition, current.definition) : undefined,
      };
    },

    /** Field-level differences between two revisions (`from` ≤ `to`). */
    async diff(id: string, from: number, to: number): Promise<VersionDiff> {
      if (from > to) throw new ValidationError('`from` must not be after `to`', [{ path: 'query.from', message: 'greater than to' }]);
      const stream = await events.readStream(streamName(WORKFLOW_CATEGORY, id), { limit: to + 1 });
      if (stream.length === 0 || stream[stream.length - 1].revision !== to) throw new NotFoundError('Workflow revision', `${id}@${to}`);
      const before = fold(workflowDecider, stream.slice(0, from + 1) as unknown as WorkflowEvent[]).definition;
      const after = fold(workflowDecider, stream as unknown as WorkflowEvent[]).definition;
      if (!before || !after) throw new NotFoundError('Workflow revision', `${id}@${from}`);
      const beforeById = new Map(before.nodes.map((n) => [nodeKey(n), n.name]));
      const nodesRenamed = after.nodes
        .filter((n) => beforeById.has(nodeKey(n)) && beforeById.get(nodeKey(n)) !== n.name)
        .map((n) => ({ id: nodeKey(n), from: beforeById.get(nodeKey(n))!, to: n.name }));
      return { from, to, ...diffDefinitions(before, after), nodesRenamed };
    },

    /** Makes an earlier revision's definition current again: a new event, so history keeps everything. */
    async restore(id: string, revision: number, ctx: RequestContext): Promise<WorkflowDoc> {
      const { state } = await versionAt(events, id, revision);
      return execute(id, { type: 'RestoreWorkflowVersion', revision, definition: state.definition }, ctx);
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
