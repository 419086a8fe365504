// n8n's main loop (`processRunExecutionData`): take the front of the stack, run it, record the
// task, queue the children, and when the stack is empty let a waiting multi-input node run.
import type { ExecutionError, TaskData } from '../run-data.ts';
import { EngineError } from './errors.ts';
import { restampInput, normalizeItemErrors } from './item-lineage.ts';
import { queueChildren } from './queue-children.ts';
import type { RunContext } from './run-context.ts';
import type { StackEntry } from './run-state.ts';
import { runNodeStep } from './run-node.ts';
import { runWaitingNodeIfStackEmpty } from './waiting-flush.ts';

export type LoopOutcome =
  | { kind: 'success' }
  | { kind: 'error'; error: ExecutionError }
  | { kind: 'canceled' }
  | { kind: 'waiting'; node: string };

export async function runLoop(rc: RunContext): Promise<LoopOutcome> {
  const { state } = rc;
  const record = rc.options.recorder.record.bind(rc.options.recorder);
  let lastTry = '';
  while (state.stack.length > 0) {
    if (rc.signal.aborted) return { kind: 'canceled' };
    const entry = state.stack.shift()!;
    const name = entry.node.name;
    const startTime = rc.now();
    const executionIndex = state.nextExecutionIndex++;
    entry.data = { main: restampInput(entry.data.main) };
    const runIndex = state.runData[name]?.length ?? 0;

    const thisTry = `${name}:${runIndex}`;
    if (thisTry === lastTry) throw new EngineError('Stopped execution because it seems to be in an endless loop');
    if (rc.runFilter && !rc.runFilter.has(name)) continue;
    if (!ensureInputData(rc, entry)) {
      lastTry = thisTry;
      continue;
    }

    const source = entry.source?.main ?? [];
    const inputItemCounts = entry.data.main.map((items) => (items === null ? null : items.length));
    await record('NodeStarted', { node: name, runIndex, executionIndex, startTime, source, inputItemCounts });

    const step = await runNodeStep(rc, entry, runIndex);
    if (step.kind === 'noData') {
      await record('NodeReturnedNoData', { node: name, runIndex, executed: step.executed });
      continue;
    }
    const task: TaskData = { startTime, executionIndex, source, hints: [], executionTime: rc.now() - startTime, executionStatus: 'success' };
    if (step.kind === 'canceled') {
      task.executionStatus = 'canceled';
      await storeTask(rc, name, runIndex, task);
      return { kind: 'canceled' };
    }
    if (step.kind === 'failed') {
      task.executionStatus = 'error';
      task.error = step.error;
      await storeTask(rc, name, runIndex, task);
      // Back on the stack, so that a retry of the execution starts with this node.
      state.stack.unshift(entry);
      return { kind: 'error', error: step.error };
    }

    normalizeItemErrors(step.output);
    if (step.error) {
      task.executionStatus = 'error';
      task.error = step.error;
    } else if (state.waitTill) {
      task.executionStatus = 'waiting';
    }
    task.data = { main: step.output };
    await storeTask(rc, name, runIndex, task);

    if (state.waitTill) {
      state.stack.unshift(entry);
      return { kind: 'waiting', node: name };
    }
    // The destination's children do not run; whatever else is queued still may (filtered above).
    if (rc.options.destinationNode === name) continue;
    queueChildren(rc, name, step.output, runIndex);
    runWaitingNodeIfStackEmpty(rc);
  }
  return { kind: 'success' };
}

async function storeTask(rc: RunContext, name: string, runIndex: number, task: TaskData): Promise<void> {
  (rc.state.runData[name] ??= []).push(task);
  const failed = task.executionStatus === 'error' || task.executionStatus === 'canceled';
  await rc.options.recorder.record(failed ? 'NodeFailed' : 'NodeSucceeded', { node: name, runIndex, taskData: task });
}

/**
 * n8n's `ensureInputData`: an input with no enabled node above it is ignored; in v0 a node whose
 * input slot is still unset goes to the back of the stack.
 */
function ensureInputData(rc: RunContext, entry: StackEntry): boolean {
  const inputs = rc.graph.inputs(entry.node.name) ?? [];
  for (let i = 0; i < inputs.length; i++) {
    if (!rc.graph.hasEnabledAncestor(entry.node.name, i)) return true;
    if (rc.order === 'v0' && (entry.data.main.length < i || entry.data.main[i] === null)) {
      rc.state.stack.push(entry);
      return false;
    }
  }
  return true;
}
