// The worker side of executions: takes a job, reads the run's record, and brings the run as far as
// it goes — from the start, from where a dead worker left it, or past a wait. Sub-workflows run
// inline on the same worker (as in n8n's queue mode), on their own streams.
import { randomUUID } from 'node:crypto';
import { newEntityId, NotFoundError, parseWorkflowJson, ValidationError, type WorkflowDefinition } from '../../domain/index.ts';
import {
  breakpointPauser, canonicalJson, createCodeRunner, createExpressionEvaluator, executeWorkflow, executionStreamName, foldExecution, isEngineEvent, sha256Hex, sharedPythonRunner, subWorkflowResult, subWorkflowStartNode,
  type Breakpoint, type DataTables, type ExecuteWorkflowOptions, type ExecutionMode, type Item, type RecordedSubNodeCall, type ReplaySource, type RunJob, type RunResult,
} from '../../engine/index.ts';
import type { BlobStore, EventStore } from '../../events/index.ts';
import { getNodeType, loadNodeTypes, mayUseStaticData } from '../../nodes/index.ts';
import { productionDoc, type WorkflowDoc } from '../../projections/index.ts';
import type { WorkspaceService } from '../auth/workspace-service.ts';
import type { RequestContext } from '../commands.ts';
import { filesAllowedDirs, type Config } from '../config.ts';
import type { CredentialService } from '../credentials/credential-service.ts';
import type { Logger } from '../logger.ts';
import { createStaticDataStore } from '../static-data-store.ts';
import { hydrate, type Externalizer } from './large-payloads.ts';
import { createStoreRecorder } from './store-recorder.ts';
import { checkStandIn } from './check-stand-in.ts';

/** What a run was asked to do, recorded before it is queued (so an accepted run is never lost). */
export interface ExecutionQueuedData {
  workflowId: string;
  workspaceId: string;
  workflowRevision?: number;
  workflowActive: boolean;
  definition: WorkflowDefinition;
  mode: ExecutionMode;
  startNode?: string;
  destinationNode?: string;
  triggerItems?: Item[];
  /** The start node's output the trigger data leaves on (a webhook's method). */
  triggerOutput?: number;
  pinData?: Record<string, unknown[]>;
  retryOf?: string;
  /** A re-run of one node of this execution (from the editor's execution view). */
  rerunOf?: string;
  /** The earlier run's sub-node uses (model answers) a re-run reuses for the same input. */
  recordedCalls?: RecordedSubNodeCall[];
  /**
   * False for a sub-workflow whose static data is not kept although it is not a manual run: its
   * caller runs by hand, or it was given inline (it has no id of its own).
   */
  keepsStaticData?: false;
  /** The call that started the run takes its answer as a stream: nodes may send chunks. */
  streaming?: true;
  /** A sub-workflow called from a run on drafts (started in the editor): it runs its draft too. */
  onDrafts?: true;
  /** A check of this definition against the run with this id: nodes with outside effects are not called (check-stand-in.ts). */
  checkOf?: string;
  /** Step debugger breakpoints of a run started in the editor (pause-points.ts). */
  breakpoints?: Breakpoint[];
  queuedAt: string;
}

/** Runs started in the editor use drafts; production runs use published versions. */
const runsOnDrafts = (queued: ExecutionQueuedData): boolean => queued.mode === 'manual' || queued.onDrafts === true;

/** How a job ended, for whoever waits on the run in this process. */
export type JobOutcome = { executionId: string; result: RunResult; queued: ExecutionQueuedData; ctx: RequestContext };

export interface ExecutionWorkerDeps {
  events: EventStore;
  /** Where node outputs over `outputInlineLimitBytes` are kept (the event holds a reference). */
  blobs: BlobStore;
  credentials: CredentialService;
  workspaces: WorkspaceService;
  config: Pick<Config, 'timezone' | 'allowEnvInExpressions' | 'expressionTimeoutMs' | 'codeTimeoutMs' | 'sandboxMemoryMb' | 'outputInlineLimitBytes' | 'blockPrivateNetworks'> & Partial<Pick<Config, 'executeCommandEnabled' | 'filesAllowedDirs' | 'dataDir'>>;
  logger: Logger;
  findWorkflow: (id: string) => Promise<WorkflowDoc | undefined>;
  publicUrl: string;
  /** Signs the resume links of nodes that park their run (Send and Wait): server/webhooks/resume-secret.ts. */
  resumeUrlSecret?: string;
  /** The data tables a run's nodes see: its workspace's, written as whoever started the run. */
  dataTables?: (workspaceId: string, ctx: RequestContext) => DataTables;
  /** Loads node packages installed since the last job (by this process or another on its folder). */
  refreshNodeTypes?: () => void;
}

export type ExecutionWorker = ReturnType<typeof createExecutionWorker>;

export function createExecutionWorker(deps: ExecutionWorkerDeps) {
  const { events, credentials, workspaces, config, logger } = deps;
  const externalizer = runExternalizer(deps);
  const evaluator = createExpressionEvaluator({ timeoutMs: config.expressionTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  const codeRunner = createCodeRunner({ timeoutMs: config.codeTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  // Python runs under the same limits as JavaScript.
  const pythonRunner = sharedPythonRunner({ timeoutMs: config.codeTimeoutMs, memoryLimitMb: config.sandboxMemoryMb });
  // The folders the local-file nodes may use, resolved once (the configuration does not change).
  const allowedDirs = filesAllowedDirs(config);
  const staticDataStore = createStaticDataStore({ events, logger });
  const running = new Map<string, AbortController>();

  /** Runs one job. Resolves undefined when there was nothing to do (finished, still parked, unknown). */
  async function runJob(job: RunJob, handback: AbortSignal): Promise<JobOutcome | undefined> {
    deps.refreshNodeTypes?.();
    const stream = executionStreamName(job.executionId);
    const recorded = await hydrate(await events.readStream(stream), deps.blobs);
    const queuedEvent = recorded.find((e) => e.type === 'ExecutionQueued');
    if (!queuedEvent) return undefined;
    const queued = queuedEvent.data as ExecutionQueuedData;
    const newestFirst = [...recorded].reverse();
    const last = newestFirst.find((e) => isEngineEvent(e.type));
    if (last?.type === 'ExecutionFinished') return undefined;
    if (last?.type === 'ExecutionWaiting' && !job.resume) return undefined;
    // Paused by the debugger: only a debug command (ExecutionResumed on record) lets it go on.
    if (last?.type === 'ExecutionPaused') return undefined;
    const ctx: RequestContext = {
      actor: queuedEvent.metadata.actor,
      requestId: queuedEvent.metadata.correlationId,
    };
    const seed = queued.retryOf ? await hydrate(await events.readStream(executionStreamName(queued.retryOf)), deps.blobs) : undefined;
    // Only a request made during the current wait: an earlier wait's answer is not this one's
    // (a later Send and Wait or Wait node that times out passes its own input on).
    const currentWait = newestFirst.findIndex((e) => e.type === 'ExecutionWaiting');
    const resumeRequest = newestFirst.slice(0, currentWait === -1 ? undefined : currentWait).find((e) => e.type === 'ExecutionResumeRequested');
    // The replay picks the executor's own steps out of the record itself.
    const replay: ReplaySource = {
      events: recorded,
      ...(seed ? { seed } : {}),
      resume: job.resume === true,
      ...(resumeRequest && job.resume ? { resumeItems: (resumeRequest.data as { items?: Item[] }).items } : {}),
    };
    const pauseAt = debugPauser(queued, recorded);
    const result = await run(job.executionId, queued, ctx, recorded[recorded.length - 1].revision, { replay, handback, ...(pauseAt ? { pauseAt } : {}) });
    return { executionId: job.executionId, result, queued, ctx };
  }

  async function run(
    executionId: string,
    queued: ExecutionQueuedData,
    ctx: RequestContext,
    fromRevision: number,
    extra: Pick<ExecuteWorkflowOptions, 'replay' | 'handback' | 'pauseAt'> = {},
  ): Promise<RunResult> {
    // n8n keeps static data only for production runs; a sub-workflow's goes with its caller's.
    const keepsStaticData = queued.mode !== 'manual' && queued.keepsStaticData !== false;
    const stream = executionStreamName(executionId);
    const recorder = createStoreRecorder(events, stream, { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: queued.workspaceId }, fromRevision, { externalizer });
    const abort = new AbortController();
    running.set(executionId, abort);
    const runCtx = { ...ctx, requestId: randomUUID() };
    // Console output of user code (JavaScript and Python) belongs to the run's history.
    const consoleOf = (node: string) => (level: string, args: unknown[]) => {
      void recorder.record('CodeConsoleOutput', { node, level, args: args.map(safeJson) }).catch((err) => logger.warn({ err }, 'console output not recorded'));
    };
    try {
      await loadNodeTypes(queued.definition.nodes);
      // Read once: it gives the run's definition hash, and whether the run can use variables or static data at all.
      const definitionText = canonicalJson(queued.definition);
      const owner = { workflowId: queued.workflowId, workspaceId: queued.workspaceId, seed: queued.definition.staticData };
      const staticData = keepsStaticData && mayUseStaticData(queued.definition.nodes, definitionText) ? await staticDataStore.load(owner) : undefined;
      const staticBefore = staticData && structuredClone(staticData);
      const result = await executeWorkflow({
        definition: queued.definition, workflowId: queued.workflowId, executionId, mode: queued.mode,
        nodeTypes: getNodeType,
        evaluator,
        startNode: queued.startNode,
        destinationNode: queued.destinationNode,
        triggerItems: queued.triggerItems,
        triggerOutput: queued.triggerOutput,
        pinData: queued.pinData,
        ...(queued.recordedCalls ? { recordedCalls: queued.recordedCalls } : {}),
        ...(queued.streaming ? { streaming: true } : {}),
        ...(queued.checkOf ? { standIn: await standInFor(queued.checkOf) } : {}),
        definitionHash: sha256Hex(definitionText),
        vars: definitionText.includes('$vars') ? await workspaces.variableMap(queued.workspaceId) : {},
        env: config.allowEnvInExpressions ? (process.env as Record<string, string>) : undefined,
        timezone: config.timezone,
        workflowActive: queued.workflowActive,
        signal: abort.signal,
        resumeUrl: `${deps.publicUrl}/webhook-waiting/${executionId}`,
        ...(deps.resumeUrlSecret ? { resumeUrlSecret: deps.resumeUrlSecret } : {}),
        blockPrivateNetworks: config.blockPrivateNetworks,
        executeCommandEnabled: config.executeCommandEnabled === true,
        filesAllowedDirs: allowedDirs,
        ...(deps.dataTables ? { dataTables: deps.dataTables(queued.workspaceId, runCtx) } : {}),
        ...(staticData ? { staticData: staticData as ExecuteWorkflowOptions['staticData'] } : {}),
        ...extra,
        recorder: {
          record: (type, data) => recorder.record(type, type === 'ExecutionStarted'
            ? { ...(data as object), ...(queued.workflowRevision !== undefined ? { workflowRevision: queued.workflowRevision } : {}), ...(queued.retryOf ? { retryOf: queued.retryOf } : {}), ...(queued.rerunOf ? { rerunOf: queued.rerunOf } : {}) }
            : data),
        },
        subWorkflow: ({ source, items, wait }) => runSubWorkflow(queued, source, items, wait, runCtx, keepsStaticData),
        credentials: async (node, type, options) => {
          const ref = node.credentials?.[type];
          if (!ref?.id) throw new ValidationError(`Node '${node.name}' has no ${type} credential selected`);
          return credentials.useInRun(ref.id, queued.workspaceId, { executionId, purpose: `node ${node.name}` }, runCtx, { forceRefresh: options?.refreshOAuth2Token === true });
        },
        runCode: (exprCtx, code, options) => codeRunner.run({
          code, mode: options.mode, itemIndex: options.itemIndex, ctx: exprCtx, signal: options.signal, onConsole: consoleOf(exprCtx.node.name),
        }),
        runPython: (exprCtx, request) => pythonRunner.run({ ...request, onConsole: consoleOf(exprCtx.node.name) }),
      });
      if (staticData && staticBefore) {
        await staticDataStore.save(owner, staticBefore, staticData, { actor: ctx.actor, correlationId: ctx.requestId, causationId: executionId });
      }
      return result;
    } finally {
      running.delete(executionId);
    }
  }

  /** n8n's Execute Workflow: the sub-workflow runs here, recorded on its own stream. */
  async function runSubWorkflow(
    parent: ExecutionQueuedData,
    source: { workflowId: string } | { definition: unknown },
    items: Item[],
    wait: boolean,
    ctx: RequestContext,
    callerKeepsStaticData: boolean,
  ): Promise<Item[]> {
    const sub = 'definition' in source
      ? { definition: parseWorkflowJson(source.definition).definition, id: parent.workflowId, workspaceId: parent.workspaceId, active: false, revision: undefined }
      : await subWorkflowById(source.workflowId, parent.workspaceId, runsOnDrafts(parent));
    const queued: ExecutionQueuedData = {
      workflowId: sub.id, workspaceId: sub.workspaceId, workflowActive: sub.active, definition: sub.definition, mode: 'integrated',
      startNode: subWorkflowStartNode(sub.definition), triggerItems: items, queuedAt: new Date().toISOString(),
      ...(sub.revision !== undefined ? { workflowRevision: sub.revision } : {}),
      // Recorded, so that a sub-workflow resumed after a wait still knows.
      ...(callerKeepsStaticData && !('definition' in source) ? {} : { keepsStaticData: false as const }),
      ...(runsOnDrafts(parent) ? { onDrafts: true as const } : {}),
    };
    const executionId = newEntityId();
    await recordQueued(events, externalizer, executionId, queued, ctx);
    const done = run(executionId, queued, ctx, 0); // the queued event is revision 0
    if (!wait) {
      done.catch((err) => logger.error({ err, executionId }, 'sub-workflow crashed'));
      return [];
    }
    return subWorkflowResult(await done);
  }

  /** What stands in for the nodes with outside effects in a check against the run `sourceId`. */
  async function standInFor(sourceId: string) {
    const recorded = await hydrate(await events.readStream(executionStreamName(sourceId)), deps.blobs);
    const source = recorded.find((e) => e.type === 'ExecutionQueued')?.data as ExecutionQueuedData | undefined;
    if (!source) throw new NotFoundError('Execution', sourceId);
    await loadNodeTypes(source.definition.nodes);
    return checkStandIn(foldExecution(recorded), source.definition, (node) => getNodeType(node.type, node.typeVersion ?? 1));
  }

  /** A stored workflow a run may call (in the caller's workspace, or shared with it): its draft or published version. */
  async function subWorkflowById(id: string, workspaceId: string, draft: boolean) {
    const found = await deps.findWorkflow(id);
    if (!found || found.deleted || (found.workspaceId !== workspaceId && !found.sharedWith.includes(workspaceId))) {
      throw new NotFoundError('Workflow', id);
    }
    const doc = draft ? found : productionDoc(found);
    return { definition: doc.definition, id: doc.id, workspaceId: doc.workspaceId, revision: doc.revision, active: doc.active };
  }

  return {
    runJob,
    /** Aborts the run if this process runs it; true when it did. */
    stop(executionId: string): boolean {
      const abort = running.get(executionId);
      abort?.abort();
      return abort !== undefined;
    },
    isRunning: (executionId: string) => running.has(executionId),
    dispose(): void {
      for (const abort of running.values()) abort.abort();
      evaluator.dispose();
      codeRunner.dispose();
    },
  };
}

/** Where a run's large payloads go: the blob store, past the configured inline limit. */
export function runExternalizer(deps: Pick<ExecutionWorkerDeps, 'blobs' | 'config'>): Externalizer {
  return { blobs: deps.blobs, inlineLimitBytes: deps.config.outputInlineLimitBytes };
}

/** Appends the run's request as the first event of its stream. */
export async function recordQueued(events: EventStore, externalizer: Externalizer, executionId: string, queued: ExecutionQueuedData, ctx: RequestContext): Promise<void> {
  const recorder = createStoreRecorder(events, executionStreamName(executionId), { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: queued.workspaceId }, -1, { externalizer });
  await recorder.record('ExecutionQueued', queued);
}

/** The debugger's pause rule for a run: its breakpoints, and a pause at the next node after a step. */
function debugPauser(queued: ExecutionQueuedData, recorded: readonly { type: string; data: unknown }[]) {
  const lastResume = [...recorded].reverse().find((e) => e.type === 'ExecutionResumed')?.data as { how?: string } | undefined;
  return breakpointPauser(queued.breakpoints ?? [], lastResume?.how === 'step');
}

function safeJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null));
  } catch {
    return String(value);
  }
}
