// n8n's main loop (`processRunExecutionData`): take the front of the stack, run it, record the
// task, queue the children, and when the stack is empty let a waiting multi-input node run.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Item, JsonObject } from '../node-sdk.ts';
import type { ExecutionError, TaskData } from '../run-data.ts';
import { EngineError } from './errors.ts';
import { restampInput, normalizeItemErrors } from './item-lineage.ts';
import { pausePoint, type PausedOutcome } from './pause-points.ts';
import { queueChildren } from './queue-children.ts';
import type { RunContext } from './run-context.ts';
import type { StackEntry } from './run-state.ts';
import { runNodeStep, type NodeStepResult } from './run-node.ts';
import { runWaitingNodeIfStackEmpty } from './waiting-flush.ts';

export type LoopOutcome =
  | { kind: 'success' }
  | { kind: 'error'; error: ExecutionError }
  | { kind: 'canceled' }
  | { kind: 'waiting'; node: string }
  /** Parked at a debugger pause point (ExecutionPaused is recorded); a resume replays up to it. */
  | PausedOutcome
  /** The worker is shutting down: stopped between steps, nothing more recorded; another continues. */
  | { kind: 'handedBack' };

export async function runLoop(rc: RunContext): Promise<LoopOutcome> {
  const { state } = rc;
  const record = rc.options.recorder.record.bind(rc.options.recorder);
  let lastTry = '';
  while (state.stack.length > 0) {
    // Each node step starts on a fresh turn of the event loop, so requests (and other runs) get
    // served between steps instead of waiting for the whole run.
    await nextTurn();
    if (rc.signal.aborted) return { kind: 'canceled' };
    if (rc.options.handback?.aborted) return { kind: 'handedBack' };
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
    const pausedBefore = await pausePoint(rc, entry, runIndex, 'before');
    if (pausedBefore) {
      state.stack.unshift(entry);
      return pausedBefore;
    }

    const source = entry.source?.main ?? [];
    const inputItemCounts = entry.data.main.map((items) => (items === null ? null : items.length));
    await record('NodeStarted', { node: name, runIndex, executionIndex, startTime, source, inputItemCounts });

    const recorded = rc.replay?.outcome(name, runIndex);
    let step: NodeStepResult;
    if (recorded === undefined) {
      step = state.resumeNode === name ? resumedStep(rc, entry) : await runNodeStep(rc, entry, runIndex);
    } else if (recorded.type === 'NodeReturnedNoData') {
      if (recorded.executed) state.lastNodeExecuted = name;
      step = { kind: 'noData', executed: recorded.executed };
    } else {
      const replayed = await replayTask(rc, entry, runIndex, recorded.taskData, recorded.context, recorded.customData);
      if (replayed === 'resumed' || replayed === undefined) continue;
      return replayed;
    }
    state.resumeNode = undefined;
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
    const pausedAfter = await pausePoint(rc, entry, runIndex, 'after', step.output);
    if (pausedAfter) return pausedAfter;
    passOn(rc, name, step.output, runIndex);
  }
  return { kind: 'success' };
}

/** The children of a node that ran get its output; the destination's children do not run. */
function passOn(rc: RunContext, name: string, output: Item[][], runIndex: number): void {
  if (rc.options.destinationNode === name) return;
  queueChildren(rc, name, output, runIndex);
  runWaitingNodeIfStackEmpty(rc);
}

/**
 * A node run whose outcome is on record: its task and node state are taken from the record, and
 * the run goes on as it did. A recorded wait is passed when the run was (or is being) resumed.
 */
async function replayTask(
  rc: RunContext, entry: StackEntry, runIndex: number, task: TaskData, context: Record<string, JsonObject> | undefined,
  customData: Record<string, string> | undefined,
): Promise<LoopOutcome | 'resumed' | undefined> {
  const { state } = rc;
  const name = entry.node.name;
  state.lastNodeExecuted = name;
  if (context) Object.assign(state.contextData, structuredClone(context));
  if (customData) restoreCustomData(rc, customData);
  if (task.executionStatus === 'waiting') {
    await rc.options.recorder.record('NodeSucceeded', { node: name, runIndex, taskData: task, ...(context ? { context } : {}), ...(customData ? { customData } : {}) });
    if (!(await rc.replay!.passWait())) throw new EngineError('The run is parked at this node and was not resumed');
    // The Wait node runs again under the same run index and passes its input on (n8n's resume).
    state.resumeNode = name;
    state.stack.unshift(entry);
    return 'resumed';
  }
  await storeTask(rc, name, runIndex, task, context, customData);
  if (task.executionStatus === 'canceled') return { kind: 'canceled' };
  if (!task.data) {
    state.stack.unshift(entry);
    return { kind: 'error', error: task.error ?? { message: 'The node failed' } };
  }
  const output = task.data.main.map((items) => items ?? []);
  const pausedAfter = await pausePoint(rc, entry, runIndex, 'after', output);
  if (pausedAfter) return pausedAfter;
  passOn(rc, name, output, runIndex);
  return undefined;
}

/** A resumed Wait node: its output is the resume data (a webhook call's) or else its input. */
function resumedStep(rc: RunContext, entry: StackEntry): NodeStepResult {
  const items = rc.replay?.resumeItems ?? entry.data.main[0] ?? [];
  const output = [items.map((item, index) => ({ ...item, pairedItem: item.pairedItem ?? { item: index } }))];
  rc.state.lastNodeExecuted = entry.node.name;
  return { kind: 'done', output };
}

async function storeTask(
  rc: RunContext, name: string, runIndex: number, task: TaskData, context = touchedContext(rc), customData = changedCustomData(rc),
): Promise<void> {
  (rc.state.runData[name] ??= []).push(task);
  const failed = task.executionStatus === 'error' || task.executionStatus === 'canceled';
  await rc.options.recorder.record(failed ? 'NodeFailed' : 'NodeSucceeded', {
    node: name, runIndex, taskData: task, ...(context ? { context } : {}), ...(customData ? { customData } : {}),
  });
}

/** The run's custom data when the node just run changed it (recorded whole: at most 10 short pairs). */
function changedCustomData(rc: RunContext): Record<string, string> | undefined {
  const now = JSON.stringify(rc.state.customData);
  if (now === rc.state.customDataRecorded) return undefined;
  rc.state.customDataRecorded = now;
  return { ...rc.state.customData };
}

/** Custom data as a recorded node run left it; changed in place, as expressions hold the object. */
function restoreCustomData(rc: RunContext, recorded: Record<string, string>): void {
  const data = rc.state.customData;
  for (const key of Object.keys(data)) delete data[key];
  Object.assign(data, recorded);
  rc.state.customDataRecorded = JSON.stringify(data);
}

/** The execution state a node changed (getContext), recorded so that a continued run has it. */
function touchedContext(rc: RunContext): Record<string, JsonObject> | undefined {
  const touched = rc.state.contextTouched;
  if (touched.size === 0) return undefined;
  const context: Record<string, JsonObject> = {};
  for (const key of touched) context[key] = rc.state.contextData[key] ?? {};
  touched.clear();
  return context;
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
