// Executions as a service: records each run's request and queues it, lets this process work the
// queue when it should, and answers for runs wherever they ran (stop, resume, retry, list, data).
import { randomUUID } from 'node:crypto';
import { DEFAULT_WORKSPACE_ID, newEntityId, UnavailableError, NotFoundError, ValidationError, type WorkflowDefinition } from '../../domain/index.ts';
import {
  executionStreamName, foldExecution, PRIORITY, recordedSubNodeCalls, withLastNodeOnly,
  type Breakpoint, type ExecutionMode, type Item, type QueueWorker, type RunJob, type RunQueue, type RunResult, type WantedResult, type WorkerOptions, widerWant,
} from '../../engine/index.ts';
import { addAiUsage, EXECUTIONS, type AiUsageTotals, type ExecutionDoc, type Filter, type Page, type ProjectionRunner, type WorkflowDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import { createExecutionWorker, recordQueued, runExternalizer, type ExecutionQueuedData, type ExecutionWorkerDeps, type JobOutcome } from './execution-worker.ts';
import { errorWorkflowCall } from './error-workflow.ts';
import { eventsUntilStep, recordedInput } from './run-history.ts';
import { replayDefinition, type ReplayVersion } from './replay-version.ts';
import { diffRuns } from './run-diff.ts';
import { createDebugCommands } from './debug-commands.ts';
import { hydrate } from './large-payloads.ts';
import { createStoreRecorder } from './store-recorder.ts';

export interface RunRequest {
  mode?: ExecutionMode;
  pinData?: Record<string, unknown[]>;
  startNode?: string;
  destinationNode?: string;
  triggerItems?: Item[];
  /** The start node's output the trigger data leaves on (a webhook listening to several methods). */
  triggerOutput?: number;
  retryOf?: string;
  /** The run of the same workflow this one re-runs from `startNode` (the editor's replay): checked, then recorded. */
  rerunOf?: string;
  /** The call that starts the run takes its answer as a stream (Response Mode "Streaming"). */
  streaming?: boolean;
  /** Step debugger breakpoints (runs started in the editor): the run parks at each. */
  breakpoints?: Breakpoint[];
}

export interface ListExecutionsQuery {
  workspaceId: string;
  workflowId?: string;
  status?: string;
  mode?: string;
  since?: string;
  until?: string;
  /** n8n's custom data filter: every entry must hold (`exactMatch`: equal, else contains, ignoring case). */
  metadata?: { key: string; value: string; exactMatch?: boolean }[];
  limit: number;
  cursor?: string;
}

export type ExecutionService = ReturnType<typeof createExecutionService>;

/** A started or resumed run, to wait for: read `done` only to wait for it (reading it is what asks for the result). */
export interface RunWaiter {
  executionId: string;
  /** Settles with the run's result when it ends or parks. */
  readonly done: Promise<RunResult>;
  /** The same, with only the last node's data in the run data: all a webhook's answer needs. */
  readonly lastNodeDone: Promise<RunResult>;
  /**
   * Settles when the run ends or parks, wanting no data carried over: its large node outputs may be
   * left in the blob store (StoredOutput), read as an answer writes them out (`readStoredOutputs`).
   */
  readonly ended: Promise<RunResult>;
}

export interface ExecutionServiceDeps extends ExecutionWorkerDeps {
  executions: ProjectionRunner;
  queue: RunQueue;
  /** This process runs jobs (the embedded default; with Redis, unless only workers should). */
  runsWorker: boolean;
  workerOptions: WorkerOptions;
  workerShutdownTimeoutMs: number;
  /** Called once a run has ended here (retention drops the data of runs not to be saved). */
  afterRun?: (run: { executionId: string; workflowId: string; status: string; mode: string; startedAt?: string; stoppedAt?: string }, queued: ExecutionQueuedData) => Promise<unknown>;
}

export function createExecutionService(deps: ExecutionServiceDeps) {
  const { events, executions, queue, logger } = deps;
  const docs = () => executions.collection<ExecutionDoc>(EXECUTIONS);
  // Who waits for a run to end or park: each only for an end recorded after it began waiting, and
  // only once someone asks for the result (`wanted`): a run ended on another thread or process is
  // read back from the log for its waiters, which a run answered at once does not need.
  interface Waiter { after: number; resolve: (result: RunResult) => void; wanted?: WantedResult }
  const waiters = new Map<string, Waiter[]>();
  const worker = deps.runsWorker ? createExecutionWorker(deps) : undefined;
  const externalizer = runExternalizer(deps);
  let queueWorker: QueueWorker | undefined;
  const offStop = worker ? queue.onStopRequested((id) => worker.stop(id)) : undefined;
  // With workers elsewhere, a run's end is announced over the queue; its result comes along (from
  // the execution thread) or is in the log. The end concerns only those who began waiting before
  // it: a resume asked for just after a park waits for the run's next end, not this one.
  const offEnded = queue.kind !== 'in-process'
    ? queue.onEnded((id, ended) => {
        const list = (waiters.get(id) ?? []).filter((w) => w.after < ended.revision);
        if (!list.some((w) => w.wanted)) return forgetWaiters(id, ended.revision);
        const scope = list.reduce<WantedResult>((widest, w) => (w.wanted ? widerWant(widest, w.wanted) : widest), 'record');
        if (ended.result && !(ended.lastNodeOnly && scope === 'full')) return settleWaiters(id, ended.result, ended.revision);
        const read = scope === 'record' && ended.record
          ? lazyResult(ended.record as Array<{ type: string; data: unknown; revision: number }>, ended.revision)
          : readResult(id, scope, ended.revision);
        void read.then(
          (result) => settleWaiters(id, result, ended.revision),
          (err) => logger.warn({ err, executionId: id }, 'finished run could not be read'),
        );
      })
    : undefined;

  /** A run's events with their large outputs read back from the blob store (or, 'lazy', as they are written out). */
  async function readRun(id: string, outputs: 'read' | 'lazy' = 'read') {
    return hydrate(await events.readStream(executionStreamName(id)), deps.blobs, undefined, outputs);
  }

  /**
   * A run's result at revision `at`, read back from the log, all of it or its last node's only:
   * for a webhook answering with that node, the other nodes of a million-item run are hundreds of
   * megabytes nobody asked for, so only that node's outputs are read from the blob store.
   */
  async function readResult(id: string, scope: WantedResult, at: number): Promise<RunResult> {
    const stream = await events.readStream(executionStreamName(id));
    if (scope === 'record') return lazyResult(stream, at);
    const upTo = stream.filter((e) => e.revision <= at);
    if (scope === 'full') return foldExecution(await hydrate(upTo, deps.blobs));
    const last = foldExecution(upTo).data.resultData.lastNodeExecuted;
    return withLastNodeOnly(foldExecution(await hydrate(upTo, deps.blobs, (e) => (e.data as { node?: string } | undefined)?.node === last)));
  }

  /** A run's result folded from its events up to `at`, its node outputs left in the blob store until written out. */
  async function lazyResult(record: Array<{ type: string; data: unknown; revision: number }>, at: number): Promise<RunResult> {
    return foldExecution(await hydrate(record.filter((e) => e.revision <= at), deps.blobs, undefined, 'lazy'));
  }

  /**
   * The run's next end or park recorded after revision `after` of its stream. Getters, so that only
   * a caller who reads one makes the result wanted.
   */
  function waitForEnd(executionId: string, after = -1): RunWaiter {
    const waiter: Waiter = { after, resolve: () => {} };
    const done = new Promise<RunResult>((resolve) => (waiter.resolve = resolve));
    const list = waiters.get(executionId) ?? [];
    list.push(waiter);
    waiters.set(executionId, list);
    const want = (scope: WantedResult) => {
      if (waiter.wanted !== undefined && widerWant(waiter.wanted, scope) === waiter.wanted) return done;
      queue.want?.(executionId, scope);
      waiter.wanted = scope;
      return done;
    };
    return {
      executionId,
      get done() { return want('full'); },
      get lastNodeDone() { return want('lastNode'); },
      get ended() { return want('record'); },
    };
  }

  /** Drops the waiters an end at `revision` concerns whom nobody asked for its result. */
  function forgetWaiters(executionId: string, revision: number): void {
    const later = (waiters.get(executionId) ?? []).filter((w) => w.after >= revision);
    if (later.length > 0) waiters.set(executionId, later);
    else waiters.delete(executionId);
  }

  function settleWaiters(executionId: string, result: RunResult, revision: number): void {
    const list = waiters.get(executionId) ?? [];
    forgetWaiters(executionId, revision);
    for (const w of list) if (w.after < revision) w.resolve(result);
  }

  /** Runs a job on this process: parks, hands back or finishes the run, then tells its waiters. */
  async function handle(job: RunJob, handback: AbortSignal): Promise<void> {
    let outcome: JobOutcome | undefined;
    try {
      outcome = await worker!.runJob(job, handback);
    } catch (err) {
      logger.error({ err, executionId: job.executionId }, 'execution crashed');
      // On shutdown, or with the store out of reach, the run is not at fault: whoever takes the
      // job next continues it from the record.
      if (handback.aborted || err instanceof UnavailableError) return;
      outcome = await endCrashedRun(job.executionId, err);
    }
    if (!outcome) return;
    const { result, executionId, queued, ctx } = outcome;
    if (result.status === 'running') {
      // Handed back on shutdown: whoever takes the job continues from the record.
      await queue.enqueue({ executionId, workflowId: queued.workflowId }, { priority: PRIORITY.resume, key: `continue-${executionId}-${Date.now()}` });
      return;
    }
    if (result.status === 'waiting' && result.waitTill) {
      await scheduleResume(executionId, queued.workflowId, result.waitTill);
    }
    const revision = await events.streamRevision(executionStreamName(executionId));
    settleWaiters(executionId, result, revision);
    // The record is offered before the run's data may be dropped (retention, below): a waiter
    // wanting only the record then gets it even when the workflow keeps no data.
    const readRecord = () => events.readStream(executionStreamName(executionId));
    if (queue.kind !== 'in-process') await queue.publishEnded(executionId, { result, revision, readRecord }).catch((err) => logger.warn({ err }, 'run end not announced'));
    await runErrorWorkflow(queued, executionId, result, ctx).catch((err) => logger.error({ err, executionId }, 'error workflow failed to start'));
    if (result.status === 'waiting') return;
    const run = { executionId, workflowId: queued.workflowId, status: result.status, mode: queued.mode, startedAt: result.startedAt, ...(result.stoppedAt ? { stoppedAt: result.stoppedAt } : {}) };
    await deps.afterRun?.(run, queued).catch((err) => logger.error({ err, executionId }, 'run data retention failed'));
  }

  /**
   * A run whose job threw (a step that could not be recorded, another writer on its stream) ends
   * as failed, with the reason on record; it then goes the way of any ended run (its waiters here
   * and on other servers, the error workflow, retention). When even that cannot be written, its
   * waiters here still get the failure, so that nobody waits on it forever.
   */
  async function endCrashedRun(executionId: string, cause: unknown): Promise<JobOutcome | undefined> {
    const stoppedAt = new Date().toISOString();
    const finished = { status: 'error' as const, stoppedAt, error: { name: 'ExecutionCrashed', message: `The run stopped: ${cause instanceof Error ? cause.message : String(cause)}` } };
    try {
      const run = await readRun(executionId);
      const last = run.at(-1);
      const queuedEvent = run.find((e) => e.type === 'ExecutionQueued');
      if (!last || !queuedEvent || last.type === 'ExecutionFinished') return undefined;
      const queued = queuedEvent.data as ExecutionQueuedData;
      const ctx: RequestContext = { actor: queuedEvent.metadata.actor, requestId: queuedEvent.metadata.correlationId };
      await createStoreRecorder(events, executionStreamName(executionId), { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: queued.workspaceId }, last.revision, { externalizer })
        .record('ExecutionFinished', finished);
      return { executionId, result: foldExecution([...run, { type: 'ExecutionFinished', data: finished }]), queued, ctx };
    } catch (err) {
      logger.error({ err, executionId }, 'the end of a crashed run could not be recorded');
      settleWaiters(executionId, { status: 'error', mode: 'integrated', startedAt: stoppedAt, stoppedAt, data: { resultData: { runData: {}, error: finished.error } } }, Number.MAX_SAFE_INTEGER);
      return undefined;
    }
  }

  function scheduleResume(executionId: string, workflowId: string, waitTill: string): Promise<void> {
    return queue.enqueue({ executionId, workflowId, resume: true }, {
      priority: PRIORITY.resume, key: `resume-${executionId}-${Date.parse(waitTill)}`, delayMs: Date.parse(waitTill) - Date.now(),
    });
  }

  /** Records the run's request, then queues it; `done` settles when it finishes or parks. */
  async function enqueueRun(queued: ExecutionQueuedData, ctx: RequestContext): Promise<RunWaiter> {
    if (queued.startNode && !queued.definition.nodes.some((n) => n.name === queued.startNode)) {
      throw new ValidationError(`No node named '${queued.startNode}'`, [{ path: 'startNode', message: 'unknown node' }]);
    }
    const unknown = (queued.breakpoints ?? []).findIndex((b) => !queued.definition.nodes.some((n) => n.name === b.node));
    if (unknown >= 0) {
      throw new ValidationError(`No node named '${queued.breakpoints![unknown].node}' to break at`, [{ path: `breakpoints.${unknown}.node`, message: 'unknown node' }]);
    }
    const executionId = newEntityId();
    const waiting = waitForEnd(executionId);
    await recordQueued(events, externalizer, executionId, queued, ctx);
    const priority = queued.mode === 'manual' ? PRIORITY.manual : queued.retryOf ? PRIORITY.retry : PRIORITY.production;
    await queue.enqueue({ executionId, workflowId: queued.workflowId }, { priority, key: `run-${executionId}` });
    return waiting;
  }

  /** Starts a run of a stored workflow's current definition. */
  async function start(workflow: WorkflowDoc, request: RunRequest, ctx: RequestContext) {
    if (request.rerunOf) await checkOrigin(request.rerunOf, workflow.id);
    return startDefinition(workflow.definition, workflow, request, ctx);
  }

  /**
   * The run a re-run names must be one of this workflow's (so whoever may run the workflow may read
   * it): a link to another workflow's run, or to none, would mislead the run lists.
   */
  async function checkOrigin(id: string, workflowId: string): Promise<void> {
    const origin = await docs().get(id);
    if (!origin || origin.deleted) {
      throw new ValidationError(`No execution '${id}' to re-run`, [{ path: 'rerunOf', message: 'unknown execution' }]);
    }
    if (origin.workflowId !== workflowId) {
      throw new ValidationError(`Execution '${id}' is a run of another workflow`, [{ path: 'rerunOf', message: 'not a run of this workflow' }]);
    }
  }

  function startDefinition(
    definition: WorkflowDefinition,
    workflow: { id: string; workspaceId: string; revision?: number; active: boolean },
    request: RunRequest,
    ctx: RequestContext,
  ) {
    return enqueueRun({
      workflowId: workflow.id, workspaceId: workflow.workspaceId, workflowActive: workflow.active, definition,
      mode: request.mode ?? 'manual', queuedAt: new Date().toISOString(),
      ...(workflow.revision !== undefined ? { workflowRevision: workflow.revision } : {}),
      ...(request.startNode !== undefined ? { startNode: request.startNode } : {}),
      ...(request.destinationNode !== undefined ? { destinationNode: request.destinationNode } : {}),
      ...(request.triggerItems ? { triggerItems: request.triggerItems } : {}),
      ...(request.triggerOutput ? { triggerOutput: request.triggerOutput } : {}),
      ...(request.pinData ? { pinData: request.pinData } : {}),
      ...(request.retryOf ? { retryOf: request.retryOf } : {}),
      ...(request.rerunOf ? { rerunOf: request.rerunOf } : {}),
      ...(request.streaming ? { streaming: true as const } : {}),
      ...(request.breakpoints?.length ? { breakpoints: request.breakpoints } : {}),
    }, ctx);
  }

  /** n8n's error workflow, for a failed run that was not started by hand (see error-workflow.ts). */
  async function runErrorWorkflow(queued: ExecutionQueuedData, executionId: string, result: RunResult, ctx: RequestContext): Promise<void> {
    const call = await errorWorkflowCall(queued, executionId, result, { findWorkflow: deps.findWorkflow, publicUrl: deps.publicUrl, logger });
    if (call) await start(call.target, { mode: 'error', startNode: call.startNode, triggerItems: [call.item] }, { ...ctx, requestId: randomUUID() });
  }

  async function existing(id: string): Promise<ExecutionDoc> {
    const doc = await docs().get(id);
    if (!doc || doc.deleted) throw new NotFoundError('Execution', id);
    return doc;
  }

  async function appendToRun(id: string, doc: ExecutionDoc, type: string, data: unknown, ctx: RequestContext): Promise<void> {
    const stream = executionStreamName(id);
    await createStoreRecorder(events, stream, { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: doc.workspaceId }, await events.streamRevision(stream), { externalizer })
      .record(type, data);
  }

  return {
    start,
    startDefinition,
    /** The step debugger's commands on paused runs. */
    debug: createDebugCommands({
      events, queue, externalizer, blobs: deps.blobs, existing,
      waitForEnd: (id, revision) => waitForEnd(id, revision),
      settle: async () => executions.waitFor(await events.headPosition()),
    }),

    /** Starts taking jobs (call once the runtime is up); re-arms parked runs and orphaned ones. */
    async startWorker(): Promise<void> {
      if (!worker || queueWorker) return;
      queueWorker = queue.work(handle, deps.workerOptions);
      if (queue.kind !== 'bullmq') await recoverEmbedded();
    },

    find: (id: string) => docs().get(id),

    /**
     * One execution; with data, n8n's run data folded from its events — up to step `untilStep`
     * (the number of node runs recorded so far) for time travel through a run.
     */
    async get(id: string, includeData: boolean, untilStep?: number, outputs: 'read' | 'lazy' = 'read') {
      const doc = await existing(id);
      if (!includeData) return doc;
      let events = await readRun(id, outputs);
      if (untilStep !== undefined) events = eventsUntilStep(events, untilStep);
      const folded = foldExecution(events);
      return { ...doc, ...(untilStep !== undefined ? { step: untilStep, stepStatus: folded.status } : {}), data: folded.data };
    },

    /** The workflow as this run ran it: the snapshot recorded with its request, and its revision. */
    async workflowOf(id: string) {
      const doc = await existing(id);
      const queued = (await readRun(id)).find((e) => e.type === 'ExecutionQueued')?.data as ExecutionQueuedData | undefined;
      if (!queued) throw new NotFoundError('Workflow of execution', id);
      return { executionId: id, workflowId: doc.workflowId, revision: queued.workflowRevision ?? null, definitionHash: doc.definitionHash ?? null, definition: queued.definition };
    },

    /**
     * Re-runs one node of a recorded run as a new manual execution: from that node on, with the
     * input it got then (its first run's, or `runIndex`'s), or with an edited input; on the
     * definition the run used, or on another `version` of its workflow.
     */
    async rerunFrom(id: string, request: { node: string; runIndex?: number; input?: Item[]; reuseAnswers?: boolean; version?: ReplayVersion; check?: boolean }, ctx: RequestContext) {
      await existing(id);
      const events = await readRun(id);
      const queued = events.find((e) => e.type === 'ExecutionQueued')?.data as ExecutionQueuedData | undefined;
      if (!queued) throw new ValidationError(`Execution ${id} has no recorded request`);
      const { definition, workflowRevision } = await replayDefinition(request.version ?? 'original', queued.workflowId, queued, deps);
      if (!definition.nodes.some((n) => n.name === request.node)) {
        throw new ValidationError(`No node named '${request.node}' in the version of the workflow this re-run uses`, [{ path: 'node', message: 'unknown node' }]);
      }
      const folded = foldExecution(events);
      // The node the run started from got the run's trigger items (none given: the default item).
      const startedHere = folded.data.resultData.runData[request.node]?.[request.runIndex ?? 0]?.source.every((s) => !s);
      const input = request.input ?? recordedInput(folded, request.node, request.runIndex ?? 0) ?? (startedHere ? queued.triggerItems ?? [{ json: {} }] : undefined);
      if (!input) throw new ValidationError(`Node '${request.node}' has no recorded input at run ${request.runIndex ?? 0}; send one`, [{ path: 'input', message: 'required' }]);
      // Reusing answers: the sub-node uses the run recorded (model calls, tool calls) answer the same input again.
      const recordedCalls = request.reuseAnswers ? recordedSubNodeCalls(events) : [];
      return enqueueRun({
        ...queued, definition, workflowRevision, mode: 'manual', startNode: request.node, triggerItems: input, pinData: undefined, destinationNode: undefined,
        retryOf: undefined, rerunOf: id, queuedAt: new Date().toISOString(), breakpoints: undefined,
        recordedCalls: recordedCalls.length > 0 ? recordedCalls : undefined,
        // A check calls nothing outside Weft: see check-stand-in.ts.
        checkOf: request.check ? id : undefined,
      }, ctx);
    },

    /**
     * This run node by node against the run it re-ran or retried, or `against`; the other run must
     * be in `workspaceId` (the caller's), else it is not found.
     */
    async diff(id: string, workspaceId: string, against?: string) {
      // A run that just ended (a replay waited for) may not be in the executions list yet.
      await executions.waitFor(await events.headPosition());
      const doc = await existing(id);
      const otherId = against ?? doc.rerunOf ?? doc.retryOf;
      if (!otherId) throw new ValidationError(`Execution ${id} is no re-run or retry; name the run to compare with`, [{ path: 'against', message: 'required' }]);
      const other = await existing(otherId);
      if ((other.workspaceId ?? DEFAULT_WORKSPACE_ID) !== workspaceId) throw new NotFoundError('Execution', otherId);
      const runData = async (runId: string) => foldExecution(await readRun(runId)).data.resultData.runData;
      return { executionId: id, against: otherId, nodes: diffRuns(await runData(otherId), await runData(id)) };
    },

    /** A workflow's model calls added up over its runs that started in [since, until). */
    async aiUsage(workflowId: string, range: { since?: string; until?: string }): Promise<{ runs: number; totals: AiUsageTotals | null }> {
      const filter: Filter = { workflowId, deleted: false };
      if (range.since || range.until) filter.startedAt = { ...(range.since ? { $gte: range.since } : {}), ...(range.until ? { $lt: range.until } : {}) };
      let totals: AiUsageTotals | undefined;
      let runs = 0;
      let cursor: string | undefined;
      do {
        const page = await docs().find({ filter, sort: [{ field: 'startedAt', direction: 'desc' }], limit: 1000, cursor });
        for (const doc of page.items) {
          if (!doc.aiUsage) continue;
          runs++;
          totals = addAiUsage(totals, doc.aiUsage);
        }
        cursor = page.nextCursor;
      } while (cursor);
      return { runs, totals: totals ?? null };
    },

    async list(query: ListExecutionsQuery): Promise<Page<ExecutionDoc>> {
      const filter: Filter = { workspaceId: query.workspaceId, deleted: false };
      if (query.workflowId) filter.workflowId = query.workflowId;
      if (query.status) filter.status = query.status;
      if (query.mode) filter.mode = query.mode;
      if (query.since || query.until) filter.startedAt = { ...(query.since ? { $gte: query.since } : {}), ...(query.until ? { $lt: query.until } : {}) };
      for (const { key, value, exactMatch } of query.metadata ?? []) filter[`customData.${key}`] = exactMatch ? value : { $contains: value };
      return docs().find({ filter, sort: [{ field: 'startedAt', direction: 'desc' }], limit: query.limit, cursor: query.cursor });
    },

    /**
     * Stops a run wherever it runs: a running one is aborted by its worker (it ends as canceled);
     * a queued or parked one is ended here. False when it had already ended.
     */
    async stop(id: string, ctx: RequestContext): Promise<boolean> {
      const doc = await existing(id);
      if (!['new', 'running', 'waiting'].includes(doc.status)) return false;
      if (doc.status === 'running') {
        await queue.requestStop(id);
        return true;
      }
      try {
        await appendToRun(id, doc, 'ExecutionFinished', { status: 'canceled', stoppedAt: new Date().toISOString(), error: { message: 'The execution was canceled' }, ...(doc.lastNodeExecuted ? { lastNodeExecuted: doc.lastNodeExecuted } : {}) }, ctx);
      } catch (err) {
        // A worker wrote first: it has started the run, so ask it to stop.
        if ((err as Error).name !== 'WrongExpectedRevisionError') throw err;
        await queue.requestStop(id);
      }
      await executions.waitFor(await events.headPosition());
      return true;
    },

    /**
     * Resumes a parked run now, with these items as the waiting node's output (a webhook call).
     * Resolves once the resume is recorded and queued; `done` (read it only to wait) settles when the run ends or parks.
     */
    async resume(id: string, items: Item[] | undefined, ctx: RequestContext): Promise<RunWaiter> {
      const doc = await existing(id);
      if (doc.status !== 'waiting') throw new ValidationError(`Execution ${id} is not waiting (it is ${doc.status})`);
      if (doc.paused) throw new ValidationError(`Execution ${id} is paused by the debugger: continue it with its debug commands`);
      if (items) await appendToRun(id, doc, 'ExecutionResumeRequested', { items }, ctx);
      const waiting = waitForEnd(id, await events.streamRevision(executionStreamName(id)));
      await queue.enqueue({ executionId: id, workflowId: doc.workflowId, resume: true }, { priority: PRIORITY.resume, key: `resume-${id}-${Date.now()}` });
      return waiting;
    },

    /**
     * n8n's retry: a new run that reuses the outputs of the nodes that succeeded and runs the failed
     * node again, with the definition the run used or the workflow's current one.
     */
    async retry(id: string, useCurrentDefinition: boolean, ctx: RequestContext) {
      const doc = await existing(id);
      if (doc.status !== 'error' && doc.status !== 'canceled' && doc.status !== 'crashed') {
        throw new ValidationError(`Only a failed or canceled execution can be retried (this one is ${doc.status})`);
      }
      const stream = await readRun(id);
      const queued = stream.find((e) => e.type === 'ExecutionQueued')?.data as ExecutionQueuedData | undefined;
      if (!queued) throw new ValidationError(`Execution ${id} has no recorded request to retry`);
      let definition = queued.definition;
      let revision = queued.workflowRevision;
      if (useCurrentDefinition) {
        const current = await deps.findWorkflow(queued.workflowId);
        if (!current || current.deleted) throw new NotFoundError('Workflow', queued.workflowId);
        definition = current.definition;
        revision = current.revision;
      }
      return enqueueRun({ ...queued, definition, workflowRevision: revision, retryOf: id, queuedAt: new Date().toISOString(), breakpoints: undefined }, ctx);
    },

    async delete(id: string, ctx: RequestContext): Promise<void> {
      const doc = await existing(id);
      if (doc.status === 'running' || doc.status === 'new') throw new ValidationError('Stop the execution before deleting it');
      await appendToRun(id, doc, 'ExecutionDeleted', {}, ctx);
      await executions.waitFor(await events.headPosition());
    },

    /** Jobs waiting in the queue, delayed ones (parked runs) included. */
    pendingJobs: () => queue.pending(),

    /** Waits until the executions read model has seen everything written so far. */
    async settle(): Promise<void> {
      await executions.waitFor(await events.headPosition());
    },

    /** Runs this process is running now (for the shutdown log). */
    runningJobs: (): RunJob[] => queueWorker?.running() ?? queue.running?.() ?? [],

    /** The shutdown deadline passed: gives up the runs still running (see QueueWorker.abandon). */
    abandonRunning: async (): Promise<RunJob[]> => (await queueWorker?.abandon()) ?? queue.running?.() ?? [],

    /** Stops taking jobs; running ones may finish for `runWindowMs`, then are handed back. */
    async dispose(runWindowMs = deps.workerShutdownTimeoutMs): Promise<void> {
      offStop?.();
      await queueWorker?.close(runWindowMs);
      offEnded?.();
      worker?.dispose();
    },
  };

  /** Embedded: runs that were queued or running when the process stopped go on; parked ones re-arm. */
  async function recoverEmbedded(): Promise<void> {
    for (const status of ['new', 'running', 'waiting']) {
      let cursor: string | undefined;
      do {
        const page = await docs().find({ filter: { status, deleted: false }, limit: 500, cursor });
        for (const doc of page.items) {
          if (status === 'waiting' && doc.waitTill) await scheduleResume(doc.id, doc.workflowId, doc.waitTill);
          else if (status !== 'waiting') await queue.enqueue({ executionId: doc.id, workflowId: doc.workflowId }, { priority: PRIORITY.resume, key: `run-${doc.id}` });
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
  }
}
