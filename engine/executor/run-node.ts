// A node run with n8n's settings around the bare execution: pinned data, retryOnFail (one event
// per failed try), error-output routing, paired-item auto-fill, alwaysOutputData and onError.
import { exceedsDepth, MAX_STORED_JSON_DEPTH, type WorkflowNode } from '../../domain/index.ts';
import { NodeOperationError, type Item } from '../node-sdk.ts';
import type { ExecutionError } from '../run-data.ts';
import { routeErrorItems } from './error-output.ts';
import { toExecutionError } from './errors.ts';
import { executeNodeOnce } from './execute-node.ts';
import { alwaysOutputItem, assignPairedItems } from './item-lineage.ts';
import type { RunContext } from './run-context.ts';
import type { StackEntry } from './run-state.ts';

export type NodeStepResult =
  /** Nothing to record: the branch ends. `executed` is false when the node did not even run. */
  | { kind: 'noData'; executed: boolean }
  /** Output to record and pass on; `error` is set when the node failed but continues on fail. */
  | { kind: 'done'; output: Item[][]; error?: ExecutionError }
  /** The node failed and the workflow stops. */
  | { kind: 'failed'; error: ExecutionError }
  | { kind: 'canceled' };

/** n8n's clamps: 2–5 tries (default 3), 0–5000 ms apart (default 1000; 0 counts as unset). */
export function retryPolicy(node: WorkflowNode): { tries: number; waitMs: number } {
  if (node.retryOnFail !== true) return { tries: 1, waitMs: 0 };
  return {
    tries: Math.min(5, Math.max(2, node.maxTries || 3)),
    waitMs: Math.min(5000, Math.max(0, node.waitBetweenTries || 1000)),
  };
}

/** The engine continues past a thrown error when either setting says so (unlike ctx.continueOnFail). */
export function continuesOnError(node: WorkflowNode): boolean {
  return node.continueOnFail === true || node.onError === 'continueRegularOutput' || node.onError === 'continueErrorOutput';
}

export async function runNodeStep(rc: RunContext, entry: StackEntry, runIndex: number): Promise<NodeStepResult> {
  const { node } = entry;
  const { tries, waitMs } = retryPolicy(node);
  let error: ExecutionError | undefined;
  let output: Item[][] | null = null;
  let executed = false;
  for (let attempt = 1; attempt <= tries; attempt++) {
    if (attempt > 1 && waitMs > 0 && !(await sleep(waitMs, rc.signal))) return { kind: 'canceled' };
    error = undefined;
    try {
      let raw: Item[][] | null | undefined;
      const pinned = node.disabled !== true ? rc.pinData?.[node.name] : undefined;
      const standIn = pinned === undefined && node.disabled !== true ? rc.options.standIn?.(node, entry.data.main, runIndex) : undefined;
      if (pinned !== undefined) {
        raw = [pinned.map((item) => ({ ...item }))];
      } else if (standIn !== undefined) {
        raw = standIn;
      } else {
        const outcome = await untilAborted(executeNodeOnce(rc, entry, runIndex), rc.signal);
        if (outcome === ABORTED) return { kind: 'canceled' };
        raw = outcome;
        assertOutputStorable(node, raw);
        // A node that continued on fail and put an error on its first item also counts as a failed try.
        const softError = raw?.[0]?.[0]?.json?.error;
        if (softError !== undefined && attempt < tries) {
          await recordAttempt(rc, node, runIndex, attempt, toExecutionError(softError, node.name));
          continue;
        }
        if (raw && node.onError === 'continueErrorOutput') routeErrorItems(rc, entry, raw);
      }
      if (raw !== undefined) {
        executed = true;
        rc.state.lastNodeExecuted = node.name;
        if (raw) assignPairedItems(raw, entry.data.main);
      }
      output = raw ?? null;
      if (!output?.[0]?.[0] && node.alwaysOutputData === true) {
        output ??= [];
        output[0] = [alwaysOutputItem(entry.data.main)];
      }
      break;
    } catch (thrown) {
      rc.state.lastNodeExecuted = node.name;
      error = toExecutionError(thrown, node.name);
      if (rc.signal.aborted) return { kind: 'canceled' };
      if (attempt < tries) await recordAttempt(rc, node, runIndex, attempt, error);
    }
  }

  if (error) {
    if (!continuesOnError(node)) return { kind: 'failed', error };
    // The node's input goes on as its first output, so the branch continues with it.
    const first = entry.data.main[0];
    return { kind: 'done', output: first ? [first] : (output ?? []), error };
  }
  if (output === null) {
    // A parked node keeps its (empty) run so that resuming can replace it.
    return rc.state.waitTill ? { kind: 'done', output: [] } : { kind: 'noData', executed };
  }
  return { kind: 'done', output };
}

/** Items nest inside a run's record by a few levels of its own. */
const MAX_ITEM_DEPTH = MAX_STORED_JSON_DEPTH - 20;

/** An output nested too deeply for the run's record and read models is the node's error, never a stored event. */
function assertOutputStorable(node: WorkflowNode, output: Item[][] | null | undefined): void {
  for (const items of output ?? []) {
    for (const item of items ?? []) {
      if (exceedsDepth(item.json, MAX_ITEM_DEPTH)) {
        throw new NodeOperationError(node.name, `The node's output nests deeper than ${MAX_ITEM_DEPTH} levels`, {
          description: 'Flatten the data (for example with JSON.stringify on the deepest part) so that it can be stored with the run',
        });
      }
    }
  }
}

function recordAttempt(rc: RunContext, node: WorkflowNode, runIndex: number, attempt: number, error: ExecutionError): Promise<void> {
  return rc.options.recorder.record('NodeAttemptFailed', { node: node.name, runIndex, attempt, error });
}

const ABORTED: unique symbol = Symbol('aborted');

/** Stops waiting for a node when the run is canceled; the node learns of it through ctx.signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.resolve(ABORTED);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => undefined);
      resolve(ABORTED);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** Resolves true after `ms`, or false as soon as the run is canceled. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
