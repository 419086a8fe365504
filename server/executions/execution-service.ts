// Runs workflows on the in-process engine and answers for their executions: start, watch, stop,
// list, and the run data folded from each execution's event stream.
import { randomUUID } from 'node:crypto';
import { newEntityId, NotFoundError, parseWorkflowDefinition, ValidationError, type WorkflowDefinition } from '../../domain/index.ts';
import {
  createCodeRunner, createExpressionEvaluator, executeWorkflow, executionStreamName, foldExecution, subWorkflowResult, subWorkflowStartNode,
  type ExecutionMode, type Item, type RunResult,
} from '../../engine/index.ts';
import type { EventStore } from '../../events/index.ts';
import { getNodeType } from '../../nodes/index.ts';
import { EXECUTIONS, type ExecutionDoc, type Filter, type Page, type ProjectionRunner, type WorkflowDoc } from '../../projections/index.ts';
import type { WorkspaceService } from '../auth/workspace-service.ts';
import type { RequestContext } from '../commands.ts';
import type { Config } from '../config.ts';
import type { CredentialService } from '../credentials/credential-service.ts';
import type { Logger } from '../logger.ts';
import { createStoreRecorder } from './store-recorder.ts';

export interface RunRequest {
  mode?: ExecutionMode;
  pinData?: Record<string, unknown[]>;
  startNode?: string;
  destinationNode?: string;
  triggerItems?: Item[];
  retryOf?: string;
}

export interface ListExecutionsQuery {
  workspaceId: string;
  workflowId?: string;
  status?: string;
  mode?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
}

export type ExecutionService = ReturnType<typeof createExecutionService>;

export function createExecutionService(deps: {
  events: EventStore;
  executions: ProjectionRunner;
  credentials: CredentialService;
  workspaces: WorkspaceService;
  config: Pick<Config, 'timezone' | 'allowEnvInExpressions' | 'expressionTimeoutMs' | 'codeTimeoutMs' | 'sandboxMemoryMb'>;
  logger: Logger;
  /** Finds a stored workflow, for error workflows. */
  findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>;
  publicUrl: string;
}) {
  const { events, executions, credentials, workspaces, config, logger } = deps;
  const evaluator = createExpressionEvaluator({ timeoutMs: config.expressionTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  const codeRunner = createCodeRunner({ timeoutMs: config.codeTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  const running = new Map<string, AbortController>();
  const docs = () => executions.collection<ExecutionDoc>(EXECUTIONS);

  /** Starts a run of a stored workflow's current definition; `done` settles when it ends. */
  async function start(workflow: WorkflowDoc, request: RunRequest, ctx: RequestContext): Promise<{ executionId: string; done: Promise<RunResult> }> {
    return startDefinition(workflow.definition, { id: workflow.id, workspaceId: workflow.workspaceId, revision: workflow.revision, active: workflow.active }, request, ctx);
  }

  async function startDefinition(
    definition: WorkflowDefinition,
    workflow: { id: string; workspaceId: string; revision?: number; active: boolean },
    request: RunRequest,
    ctx: RequestContext,
  ): Promise<{ executionId: string; done: Promise<RunResult> }> {
    if (request.startNode && !definition.nodes.some((n) => n.name === request.startNode)) {
      throw new ValidationError(`No node named '${request.startNode}'`, [{ path: 'startNode', message: 'unknown node' }]);
    }
    const executionId = newEntityId();
    const stream = executionStreamName(executionId);
    const recorder = createStoreRecorder(events, stream, { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: workflow.workspaceId });
    const abort = new AbortController();
    running.set(executionId, abort);
    const vars = await workspaces.variableMap(workflow.workspaceId);
    const mode = request.mode ?? 'manual';
    const runCtx = { ...ctx, requestId: randomUUID() };
    const done: Promise<RunResult> = executeWorkflow({
      definition, workflowId: workflow.id, executionId, mode,
      nodeTypes: getNodeType,
      evaluator,
      startNode: request.startNode,
      destinationNode: request.destinationNode,
      triggerItems: request.triggerItems,
      pinData: request.pinData,
      vars,
      env: config.allowEnvInExpressions ? (process.env as Record<string, string>) : undefined,
      timezone: config.timezone,
      workflowActive: workflow.active,
      signal: abort.signal,
      recorder: {
        record: (type, data) => recorder.record(type, type === 'ExecutionStarted'
          ? { ...(data as object), workflowRevision: workflow.revision, ...(request.retryOf ? { retryOf: request.retryOf } : {}) }
          : data),
      },
      subWorkflow: async ({ source, items, wait }): Promise<Item[]> => {
        const sub = 'definition' in source
          ? { definition: parseWorkflowDefinition(source.definition), id: workflow.id, workspaceId: workflow.workspaceId, active: false }
          : await subWorkflowById(source.workflowId, workflow.workspaceId);
        const started: { done: Promise<RunResult> } = await startDefinition(
          sub.definition, { id: sub.id, workspaceId: sub.workspaceId, active: sub.active },
          { mode: 'integrated', startNode: subWorkflowStartNode(sub.definition), triggerItems: items }, runCtx,
        );
        return wait ? subWorkflowResult(await started.done) : [];
      },
      credentials: async (node, type) => {
        const ref = node.credentials?.[type];
        if (!ref?.id) throw new ValidationError(`Node '${node.name}' has no ${type} credential selected`);
        return credentials.useInRun(ref.id, workflow.workspaceId, { executionId, purpose: `node ${node.name}` }, runCtx);
      },
      runCode: (exprCtx, code, options) => codeRunner.run({
        code, mode: options.mode, itemIndex: options.itemIndex, ctx: exprCtx,
        onConsole: (level, args) => {
          // Console output of user code belongs to the run's history.
          void recorder.record('CodeConsoleOutput', { node: exprCtx.node.name, level, args: args.map(safeJson) }).catch((err) => logger.warn({ err }, 'console output not recorded'));
        },
      }),
    }).finally(() => running.delete(executionId));
    done.then(
      (result) => runErrorWorkflow(definition, workflow, executionId, result, request, ctx),
      (err) => logger.error({ err, executionId }, 'execution crashed'),
    ).catch((err) => logger.error({ err, executionId }, 'error workflow failed to start'));
    return { executionId, done };
  }

  /**
   * n8n's error workflow: a failed run that was not started by hand starts the workflow named in
   * settings.errorWorkflow (or, without one, the workflow itself when it has an Error Trigger),
   * which must be active, with the failure as its Error Trigger's item.
   */
  async function runErrorWorkflow(
    definition: WorkflowDefinition,
    workflow: { id: string; workspaceId: string },
    executionId: string,
    result: RunResult,
    request: RunRequest,
    ctx: RequestContext,
  ): Promise<void> {
    const mode = request.mode ?? 'manual';
    if (result.status !== 'error' || mode === 'manual' || mode === 'error') return;
    const targetId = definition.settings?.errorWorkflow || (definition.nodes.some(isErrorTrigger) ? workflow.id : undefined);
    if (!targetId) return;
    const target = await deps.findWorkflow(targetId);
    if (!target || target.deleted || !target.active) {
      logger.warn({ executionId, errorWorkflow: targetId }, 'error workflow not run: it does not exist or is not active');
      return;
    }
    if (target.workspaceId !== workflow.workspaceId && !target.sharedWith.includes(workflow.workspaceId)) return;
    const trigger = target.definition.nodes.find(isErrorTrigger);
    if (!trigger) return;
    const error = result.data.resultData.error;
    const item = {
      json: {
        execution: {
          id: executionId,
          url: `${deps.publicUrl}/workflow/${workflow.id}/executions/${executionId}`,
          error: error ? { message: error.message, ...(error.description ? { description: error.description } : {}), ...(error.node ? { node: { name: error.node } } : {}) } : {},
          lastNodeExecuted: result.data.resultData.lastNodeExecuted,
          mode,
          ...(request.retryOf ? { retryOf: request.retryOf } : {}),
        },
        workflow: { id: workflow.id, name: definition.name },
      },
    };
    await start(target, { mode: 'error', startNode: trigger.name, triggerItems: [item] }, { ...ctx, requestId: randomUUID() });
  }

  /** A stored workflow a run may call: in the caller's workspace, or shared with it. */
  async function subWorkflowById(id: string, workspaceId: string) {
    const doc = await deps.findWorkflow(id);
    if (!doc || doc.deleted || (doc.workspaceId !== workspaceId && !doc.sharedWith.includes(workspaceId))) {
      throw new NotFoundError('Workflow', id);
    }
    return { definition: doc.definition, id: doc.id, workspaceId: doc.workspaceId, revision: doc.revision, active: doc.active };
  }

  return {
    start,
    startDefinition,

    find: (id: string) => docs().get(id),

    async get(id: string, includeData: boolean) {
      const doc = await docs().get(id);
      if (!doc || doc.deleted) throw new NotFoundError('Execution', id);
      if (!includeData) return doc;
      const stream = await events.readStream(executionStreamName(id));
      return { ...doc, data: foldExecution(stream as never).data };
    },

    async list(query: ListExecutionsQuery): Promise<Page<ExecutionDoc>> {
      const filter: Filter = { workspaceId: query.workspaceId, deleted: false };
      if (query.workflowId) filter.workflowId = query.workflowId;
      if (query.status) filter.status = query.status;
      if (query.mode) filter.mode = query.mode;
      if (query.since || query.until) filter.startedAt = { ...(query.since ? { $gte: query.since } : {}), ...(query.until ? { $lt: query.until } : {}) };
      return docs().find({ filter, sort: [{ field: 'startedAt', direction: 'desc' }], limit: query.limit, cursor: query.cursor });
    },

    /** Stops a running execution; false when it is not running in this process. */
    stop(id: string): boolean {
      const abort = running.get(id);
      abort?.abort();
      return abort !== undefined;
    },

    async delete(id: string, ctx: RequestContext): Promise<void> {
      const doc = await docs().get(id);
      if (!doc || doc.deleted) throw new NotFoundError('Execution', id);
      if (running.has(id)) throw new ValidationError('Stop the execution before deleting it');
      await createStoreRecorder(events, executionStreamName(id), { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: doc.workspaceId }, await events.streamRevision(executionStreamName(id)))
        .record('ExecutionDeleted', {});
      await executions.waitFor(await events.headPosition());
    },

    /** Waits until the executions read model has seen everything written so far. */
    async settle(): Promise<void> {
      await executions.waitFor(await events.headPosition());
    },

    dispose(): void {
      for (const abort of running.values()) abort.abort();
      evaluator.dispose();
      codeRunner.dispose();
    },
  };
}

const isErrorTrigger = (node: { type: string; disabled?: boolean }) => node.type === 'n8n-nodes-base.errorTrigger' && !node.disabled;

function safeJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null));
  } catch {
    return String(value);
  }
}
