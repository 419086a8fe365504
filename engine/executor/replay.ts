// Continuing a run from its recorded events: after a worker died (same stream), after a Wait
// parked it (same stream, resumed), or as a retry (a new stream seeded with the old run's steps).
// The executor runs its normal loop; a node whose outcome is on record is not run again (its
// recorded output is used), and an event already on the stream is not written again.
import type { Item, JsonObject } from '../node-sdk.ts';
import type { TaskData } from '../run-data.ts';
import { EngineError } from './errors.ts';
import type { ExecutionEventData, ExecutionEventType, NodeFinishedData, NodeReturnedNoDataData } from './execution-events.ts';
import type { PausedInputEdit, PausePoint } from './pause-types.ts';
import type { ExecutionRecorder } from './recorder.ts';

/** What a node run left on record. */
export type RecordedOutcome =
  | { type: 'NodeSucceeded' | 'NodeFailed'; taskData: TaskData; context?: Record<string, JsonObject>; customData?: Record<string, string> }
  | { type: 'NodeReturnedNoData'; executed: boolean };

export interface ReplaySource {
  /**
   * This run's own recorded events, in order (other event types on the stream are ignored): they
   * are not written again (a worker died, or the run was parked).
   */
  events: readonly { type: string; data: unknown }[];
  /**
   * An earlier run's events (a retry): the outputs of its successful steps are reused, and
   * recorded again on this run's stream; its failed node runs again.
   */
  seed?: readonly { type: string; data: unknown }[];
  /** Resuming a parked run: the waiting node's output (default: its input, as n8n's Wait gives). */
  resumeItems?: Item[];
  /** Resuming a parked run now (false: only catching up after a crash). */
  resume?: boolean;
}

const ENGINE_EVENTS = new Set<string>([
  'ExecutionStarted', 'NodeStarted', 'NodeAttemptFailed', 'NodeSucceeded', 'NodeFailed', 'NodeReturnedNoData',
  'ExecutionWaiting', 'ExecutionResumed', 'ExecutionFinished', 'ExecutionPaused',
]);

/** A pause point met while replaying: `inRecord` means the record goes on with no pause here. */
export type RecordedPause =
  | { kind: 'passed'; edit?: PausedInputEdit }
  | { kind: 'parked' }
  | { kind: 'inRecord' };

/** Whether an event is one of the executor's own steps (not a side note such as console output). */
export function isEngineEvent(type: string): boolean {
  return ENGINE_EVENTS.has(type);
}

export interface Replay {
  readonly resumeItems?: Item[];
  /** The recorded outcome of a node run in the current resume epoch, if any. */
  outcome(node: string, runIndex: number): RecordedOutcome | undefined;
  /**
   * A recorded 'waiting' outcome was reached. Returns whether the run goes on (it was resumed
   * before, or is being resumed now) and moves past the wait; false leaves the run parked.
   */
  passWait(): Promise<boolean>;
  /**
   * A debugger pause point was reached: passes a recorded pause that was resumed (with the input
   * edit made while paused); undefined past the end of the record, where the run decides anew.
   */
  passPause(point: PausePoint): RecordedPause | undefined;
  /** The recorder to hand to the loop: skips what the stream already has. */
  recorder(inner: ExecutionRecorder): ExecutionRecorder;
  /** When the run started (from the record). */
  readonly startedAt?: string;
}

interface Stored {
  type: string;
  data: Record<string, unknown>;
}

export function createReplay(source: ReplaySource): Replay {
  const stored = engineEvents(source.events);
  // Outcomes per resume epoch: a Wait node's run before and after its resume share a run index.
  const epochs: Map<string, RecordedOutcome>[] = [new Map()];
  for (const event of stored) {
    if (event.type === 'ExecutionResumed') epochs.push(new Map());
    const outcome = toOutcome(event, false);
    if (outcome) epochs[epochs.length - 1].set(key(event.data), outcome);
  }
  const edits = pausedInputEdits(source.events, stored);
  const seeded = new Map<string, RecordedOutcome>();
  for (const event of engineEvents(source.seed ?? [])) {
    const outcome = toOutcome(event, true);
    if (outcome) seeded.set(key(event.data), outcome);
  }
  let epoch = 0;
  let cursor = 0;
  let inner: ExecutionRecorder | undefined;
  const started = stored.find((e) => e.type === 'ExecutionStarted');

  const matches = (event: Stored | undefined, type: string, data: Record<string, unknown>) =>
    event !== undefined && event.type === type && event.data.node === data.node && event.data.runIndex === data.runIndex && event.data.attempt === data.attempt;

  return {
    resumeItems: source.resumeItems,
    startedAt: started?.data.startedAt as string | undefined,
    outcome: (node, runIndex) => epochs[epoch]?.get(`${node}:${runIndex}`) ?? (epoch === 0 ? seeded.get(`${node}:${runIndex}`) : undefined),
    async passWait() {
      if (stored[cursor]?.type === 'ExecutionWaiting') cursor++;
      if (stored[cursor]?.type === 'ExecutionResumed') {
        cursor++;
      } else if (source.resume && cursor >= stored.length) {
        await inner!.record('ExecutionResumed', { resumedAt: new Date().toISOString() });
      } else {
        return false;
      }
      epoch++;
      return true;
    },
    passPause(point) {
      const at = stored[cursor];
      if (at?.type === 'ExecutionPaused' && at.data.node === point.node && at.data.runIndex === point.runIndex && at.data.when === point.when) {
        const edit = edits.get(cursor);
        cursor++;
        if (stored[cursor]?.type !== 'ExecutionResumed') return { kind: 'parked' };
        cursor++;
        epoch++;
        return { kind: 'passed', ...(edit ? { edit } : {}) };
      }
      return cursor < stored.length ? { kind: 'inRecord' } : undefined;
    },
    recorder(wrapped) {
      inner = wrapped;
      return {
        record<T extends ExecutionEventType>(type: T, data: ExecutionEventData<T>) {
          const fields = data as unknown as Record<string, unknown>;
          // Side events (a webhook answer) belong to the node running now, never to the record.
          if (!ENGINE_EVENTS.has(type)) return wrapped.record(type, data);
          if (cursor < stored.length) {
            if (matches(stored[cursor], type, fields)) {
              cursor++;
              return Promise.resolve();
            }
            // What is left is the node that was running when the worker died (its start, failed
            // tries): it is being run again, so its new events follow the old ones.
            const leftover = stored.slice(cursor);
            const diverged = !leftover.every((e) => e.data.node === fields.node && (e.type === 'NodeStarted' || e.type === 'NodeAttemptFailed'));
            const found = stored[cursor].type;
            // Either way the record is done with: what follows (the failure, at least) is new.
            cursor = stored.length;
            if (diverged) throw new EngineError(`The run cannot be continued: its record has ${found} where ${type} was expected`);
          }
          return wrapped.record(type, data);
        },
      };
    },
  };
}

/** The last input edit made during each recorded pause, by the pause's place among the engine events. */
function pausedInputEdits(all: readonly { type: string; data: unknown }[], stored: Stored[]): Map<number, PausedInputEdit> {
  const edits = new Map<number, PausedInputEdit>();
  let pauseIndex = -1;
  let engineIndex = -1;
  for (const event of all) {
    if (ENGINE_EVENTS.has(event.type)) {
      engineIndex++;
      pauseIndex = stored[engineIndex]?.type === 'ExecutionPaused' ? engineIndex : -1;
    } else if (event.type === 'PausedInputEdited' && pauseIndex >= 0) {
      const data = event.data as { input?: number; items: PausedInputEdit['items'] };
      edits.set(pauseIndex, { input: data.input ?? 0, items: data.items });
    }
  }
  return edits;
}

function key(data: Record<string, unknown>): string {
  return `${data.node as string}:${data.runIndex as number}`;
}

function engineEvents(events: readonly { type: string; data: unknown }[]): Stored[] {
  return events.filter((e) => ENGINE_EVENTS.has(e.type)) as Stored[];
}

function toOutcome(event: Stored, seed: boolean): RecordedOutcome | undefined {
  if (event.type === 'NodeReturnedNoData') return { type: 'NodeReturnedNoData', executed: (event.data as unknown as NodeReturnedNoDataData).executed };
  if (event.type !== 'NodeSucceeded' && event.type !== 'NodeFailed') return undefined;
  const data = event.data as unknown as NodeFinishedData;
  // A retry runs the failed node again (and a parked node is not reused by a retry).
  if (seed && (event.type === 'NodeFailed' || data.taskData.executionStatus !== 'success')) return undefined;
  return { type: event.type, taskData: data.taskData, ...(data.context ? { context: data.context } : {}), ...(data.customData ? { customData: data.customData } : {}) };
}
