// Runs a workflow definition the way n8n's WorkflowExecute.run does, recording every step as an
// event.
//
// A run continues from its record (options.replay) through the same loop: see replay.ts.
import type { Item } from '../node-sdk.ts';
import type { ExecutionError, RunResult } from '../run-data.ts';
import { definitionHash } from './canonical-json.ts';
import { CANCELED_ERROR, EngineError, TIMEOUT_ERROR, toExecutionError } from './errors.ts';
import { createRunContext, type ExecuteWorkflowOptions, type RunContext } from './run-context.ts';
import { createReplay } from './replay.ts';
import { runLoop, type LoopOutcome } from './run-loop.ts';
import { queueSnapshot } from './run-state.ts';
import { findStartNode, nodesToCheck } from './start-node.ts';

export async function executeWorkflow(given: ExecuteWorkflowOptions): Promise<RunResult> {
  const replay = given.replay ? createReplay(given.replay) : undefined;
  const options = replay ? { ...given, recorder: replay.recorder(given.recorder) } : given;
  const abort = new AbortController();
  const cancel = () => abort.abort();
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener('abort', cancel, { once: true });
  let timedOut = false;
  const timeoutSeconds = Number(options.definition.settings?.executionTimeout ?? 0);
  const timer = timeoutSeconds > 0
    ? setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, timeoutSeconds * 1000)
    : undefined;

  const rc = createRunContext(options, abort.signal, replay);
  const startedAt = replay?.startedAt ?? new Date(rc.now()).toISOString();
  const triggerItems: Item[] = options.triggerItems ?? [{ json: {} }];
  const start = options.startNode !== undefined
    ? rc.graph.nodes.get(options.startNode)
    : findStartNode(rc.graph, (node) => rc.nodeType(node), options.destinationNode, new Set(Object.keys(rc.pinData ?? {})));

  await options.recorder.record('ExecutionStarted', {
    workflowId: options.workflowId,
    mode: options.mode,
    startedAt,
    definitionHash: options.definitionHash ?? definitionHash(options.definition),
    definition: options.definition,
    ...(start ? { startNode: start.name } : {}),
    ...(options.destinationNode !== undefined ? { destinationNode: options.destinationNode } : {}),
    executionOrder: rc.order,
    timezone: rc.timezone,
    triggerItems,
    ...(rc.pinData ? { pinData: rc.pinData } : {}),
  });

  let outcome: LoopOutcome;
  try {
    const problem = start ? workflowIssues(rc, start.name) : startNodeMissing(options.startNode);
    if (problem) {
      outcome = { kind: 'error', error: problem };
    } else {
      rc.state.stack.push({ node: start!, data: { main: [triggerItems] }, source: null });
      outcome = await runLoop(rc);
    }
  } catch (thrown) {
    // Failures of the run itself (endless loop, a broken node type), not of one node.
    outcome = { kind: 'error', error: toExecutionError(thrown) };
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
  return finish(rc, startedAt, outcome, abort.signal.aborted, timedOut);
}

async function finish(rc: RunContext, startedAt: string, outcome: LoopOutcome, aborted: boolean, timedOut: boolean): Promise<RunResult> {
  const { state, options } = rc;
  const stoppedAt = new Date(rc.now()).toISOString();
  const result: RunResult = { status: 'success', mode: options.mode, startedAt, stoppedAt, data: { resultData: { runData: state.runData } } };
  const resultData = result.data.resultData;
  if (state.lastNodeExecuted !== undefined) resultData.lastNodeExecuted = state.lastNodeExecuted;
  if (rc.pinData) resultData.pinData = rc.pinData;
  if (Object.keys(state.customData).length > 0) resultData.metadata = { ...state.customData };

  if (outcome.kind === 'handedBack' && !aborted) return { ...result, status: 'running' };
  if (outcome.kind === 'paused' && !aborted) {
    // ExecutionPaused is on record already; the run stays parked until a debug command.
    result.status = 'waiting';
    result.paused = { node: outcome.node, when: outcome.when };
    return result;
  }
  if (outcome.kind === 'waiting' && !aborted) {
    const waitTill = state.waitTill!.toISOString();
    result.status = 'waiting';
    result.waitTill = waitTill;
    await options.recorder.record('ExecutionWaiting', {
      node: outcome.node,
      waitTill,
      stoppedAt,
      ...(state.lastNodeExecuted !== undefined ? { lastNodeExecuted: state.lastNodeExecuted } : {}),
      queue: queueSnapshot(state),
    });
    return result;
  }

  let error: ExecutionError | undefined;
  if (aborted || outcome.kind === 'canceled') {
    // A cancel wins over how the loop ended; a node error that came with it is kept, as in n8n.
    result.status = 'canceled';
    error = outcome.kind === 'error' ? outcome.error : timedOut ? TIMEOUT_ERROR : CANCELED_ERROR;
  } else if (outcome.kind === 'error') {
    result.status = 'error';
    error = outcome.error;
  }
  if (error) resultData.error = error;
  await options.recorder.record('ExecutionFinished', {
    status: result.status as 'success' | 'error' | 'canceled',
    stoppedAt,
    ...(error ? { error } : {}),
    ...(state.lastNodeExecuted !== undefined ? { lastNodeExecuted: state.lastNodeExecuted } : {}),
  });
  return result;
}

function startNodeMissing(requested: string | undefined): ExecutionError {
  const message = requested === undefined
    ? 'No node to start the workflow from could be found'
    : `The start node "${requested}" does not exist in the workflow`;
  return toExecutionError(new EngineError(message));
}

/** n8n refuses to run a workflow whose reachable, enabled nodes include an unknown type. */
function workflowIssues(rc: RunContext, start: string): ExecutionError | undefined {
  const unknown = nodesToCheck(rc.graph, start, rc.options.destinationNode).filter((name) => {
    const node = rc.graph.nodes.get(name);
    return node !== undefined && node.disabled !== true && rc.nodeType(node) === undefined;
  });
  if (unknown.length === 0) return undefined;
  const description = `Unknown node type on: ${unknown.map((n) => `"${n}"`).join(', ')}`;
  const error = toExecutionError(new EngineError('The workflow has issues and cannot be executed for that reason. Please fix them first.', description));
  return error;
}
