// The step debugger's commands on a paused run (see engine pause-points.ts): continue, step, edit
// the paused node's input. Each is an event on the run's stream, so watchers and time travel see
// it; a resume queues the run again, and any worker replays it from its record up to the pause.
import { ConflictError, ValidationError } from '../../domain/index.ts';
import { executionStreamName, isEngineEvent, PRIORITY, type ExecutionPausedData, type Item, type ResumeHow, type RunQueue, type RunResult } from '../../engine/index.ts';
import type { BlobStore, EventStore } from '../../events/index.ts';
import type { ExecutionDoc } from '../../projections/index.ts';
import type { RequestContext } from '../commands.ts';
import { hydrate, type Externalizer } from './large-payloads.ts';
import { createStoreRecorder } from './store-recorder.ts';

export interface DebugCommandDeps {
  events: EventStore;
  queue: RunQueue;
  externalizer: Externalizer;
  blobs: BlobStore;
  /** The run's summary; throws NotFoundError for an unknown or deleted run. */
  existing: (id: string) => Promise<ExecutionDoc>;
  /** Waits for the run's next end or park after `revision` (see ExecutionService). */
  waitForEnd: (id: string, revision: number) => { readonly done: Promise<RunResult> };
  /** Waits until the read models saw everything written so far. */
  settle: () => Promise<void>;
}

/** The pause a run is parked at, and the stream revision it was read at. */
export interface PausedAt extends ExecutionPausedData {
  revision: number;
}

export function createDebugCommands(deps: DebugCommandDeps) {
  const { events } = deps;

  /** The pause the run is parked at; a 409 when it is not paused by the debugger. */
  async function pausedAt(id: string): Promise<{ doc: ExecutionDoc; paused: PausedAt }> {
    const doc = await deps.existing(id);
    const stream = await events.readStream(executionStreamName(id));
    const last = [...stream].reverse().find((e) => isEngineEvent(e.type));
    if (last?.type !== 'ExecutionPaused') throw new ConflictError(`Execution ${id} is not paused by the debugger (it is ${doc.status})`);
    // A large input or output was stored by reference: read it back.
    const [whole] = await hydrate([last], deps.blobs);
    return { doc, paused: { ...(whole.data as ExecutionPausedData), revision: stream[stream.length - 1].revision } };
  }

  function append(id: string, doc: ExecutionDoc, revision: number, type: string, data: unknown, ctx: RequestContext) {
    // At the revision read: a second command racing this one fails (WrongExpectedRevision, a 409).
    return createStoreRecorder(events, executionStreamName(id), { actor: ctx.actor, correlationId: ctx.requestId, workspaceId: doc.workspaceId }, revision, { externalizer: deps.externalizer })
      .record(type, data);
  }

  /** `wait`: the caller will wait for the run's next park or end (asked for before it can happen). */
  async function resume(id: string, how: ResumeHow, ctx: RequestContext, wait = false) {
    const { doc, paused } = await pausedAt(id);
    await append(id, doc, paused.revision, 'ExecutionResumed', { resumedAt: new Date().toISOString(), by: ctx.actor.id, how, node: paused.node, when: paused.when }, ctx);
    const waiter = deps.waitForEnd(id, paused.revision + 1);
    const done = wait ? waiter.done : undefined;
    await deps.queue.enqueue({ executionId: id, workflowId: doc.workflowId, resume: true }, { priority: PRIORITY.resume, key: `debug-${id}-${paused.revision + 1}` });
    if (!done) await deps.settle();
    return { ...(done ? { done } : {}), resumed: { node: paused.node, when: paused.when, how } };
  }

  return {
    /** Where the run is paused, with the node's input (before) or output (after). */
    async paused(id: string) {
      const { paused } = await pausedAt(id);
      const { revision: _revision, ...rest } = paused;
      return { executionId: id, ...rest };
    },
    continue: (id: string, ctx: RequestContext, wait?: boolean) => resume(id, 'continue', ctx, wait),
    step: (id: string, ctx: RequestContext, wait?: boolean) => resume(id, 'step', ctx, wait),

    /** Replaces one input of the paused node before it runs (only when paused before it). */
    async editInput(id: string, edit: { items: Item[]; input?: number }, ctx: RequestContext) {
      const { doc, paused } = await pausedAt(id);
      if (paused.when !== 'before') {
        throw new ValidationError(`The run is paused after '${paused.node}' ran: its input can no longer be changed`, [{ path: 'items', message: 'only while paused before the node' }]);
      }
      const input = edit.input ?? 0;
      const inputs = paused.input?.length ?? 1;
      if (input >= Math.max(inputs, 1)) {
        throw new ValidationError(`Node '${paused.node}' has ${inputs} input(s)`, [{ path: 'input', message: `must be below ${inputs}` }]);
      }
      // The editor edits JSON: an item keeps the binary data the paused input had at its place
      // (binary references are never taken from the caller).
      const before = paused.input?.[input] ?? [];
      const items = edit.items.map((item, index) => ({ json: item.json, ...(before[index]?.binary ? { binary: before[index].binary } : {}) }));
      await append(id, doc, paused.revision, 'PausedInputEdited', { by: ctx.actor.id, node: paused.node, runIndex: paused.runIndex, input, items }, ctx);
      await deps.settle();
      return { executionId: id, node: paused.node, input, itemCount: items.length };
    },
  };
}

export type DebugCommands = ReturnType<typeof createDebugCommands>;
