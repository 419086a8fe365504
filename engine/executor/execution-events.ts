// The events of an `execution-<id>` stream and the pure fold that rebuilds the run result from
// them. Every field the result has comes from an event, so replay and time travel need no engine.
import type { WorkflowDefinition } from '../../domain/index.ts';
import type { ExecutionMode, Item, JsonObject, ResponseChunk } from '../node-sdk.ts';
import type { ExecutionError, RunResult, TaskData, TaskSource } from '../run-data.ts';
import type { PausePoint, ResumeHow } from './pause-types.ts';
import type { QueueSnapshot } from './run-state.ts';

export interface ExecutionStartedData {
  workflowId: string;
  mode: ExecutionMode;
  startedAt: string;
  /** sha256 of the canonical JSON of `definition`. */
  definitionHash: string;
  /** The immutable snapshot the run executes. */
  definition: WorkflowDefinition;
  /** Undefined when no start node could be found (the run then finishes with an error). */
  startNode?: string;
  destinationNode?: string;
  executionOrder: 'v0' | 'v1';
  timezone: string;
  triggerItems: Item[];
  /** The pinned data in effect (manual runs only). */
  pinData?: Record<string, Item[]>;
}

export interface NodeStartedData {
  node: string;
  runIndex: number;
  executionIndex: number;
  startTime: number;
  source: (TaskSource | null)[];
  /** Items per input; null for an input that got nothing. */
  inputItemCounts: (number | null)[];
}

/** A failed try that will be retried (`retryOnFail`). The last try's error is on the task itself. */
export interface NodeAttemptFailedData {
  node: string;
  runIndex: number;
  attempt: number;
  error: ExecutionError;
}

export interface NodeFinishedData {
  node: string;
  runIndex: number;
  taskData: TaskData;
  /** The execution state (getContext) the node changed, so that a continued run has it. */
  context?: Record<string, JsonObject>;
  /** The run's whole `$execution.customData` after this node, when the node changed it (absent in old events). */
  customData?: Record<string, string>;
}

/** A node answered the webhook call that started the run (Respond to Webhook). */
export interface WebhookResponseSentData {
  node: string;
  runIndex: number;
  response: JsonObject;
}

/** Parts of a streamed answer a node sent (sent close together, they share one event). */
export interface WebhookResponseChunkData {
  node: string;
  /** The node's id, which n8n's chunk metadata names. */
  nodeId?: string;
  runIndex: number;
  chunks: ResponseChunk[];
}

/** A root node began to use one of its sub-nodes (a model call, a tool call, a memory read). */
export interface SubNodeCallStartedData {
  node: string;
  /** A model call the root node made itself (no sub-node): counted, not a run of the node. */
  own?: true;
  /** The sub-node's own run index (each use is a run of it, as in n8n's run data). */
  runIndex: number;
  rootNode: string;
  connectionType: string;
  executionIndex: number;
  startTime: number;
  input: JsonObject;
}

/** The use ended: its task, as `runData[node][runIndex]` holds it. */
export interface SubNodeCallFinishedData {
  node: string;
  /** As in SubNodeCallStartedData: the node's own step holds its run. */
  own?: true;
  runIndex: number;
  taskData: TaskData;
}

/** A parked run goes on (its time came, a webhook call resumed it, or a debug command). */
export interface ExecutionResumedData {
  resumedAt: string;
  /** The step debugger: who let the paused run go on (a user id), and how. */
  by?: string;
  how?: ResumeHow;
}

/** The step debugger parked the run at a pause point: the node's input (before) or output (after). */
export interface ExecutionPausedData extends PausePoint {
  pausedAt: string;
  input?: (Item[] | null)[];
  output?: Item[][];
}

/** The node returned no data (null), so its branch ends and it gets no run data entry. */
export interface NodeReturnedNoDataData {
  node: string;
  runIndex: number;
  /** Whether n8n counts it as executed (`lastNodeExecuted`): it ran but returned null. */
  executed: boolean;
}

export interface ExecutionWaitingData {
  node: string;
  waitTill: string;
  stoppedAt: string;
  lastNodeExecuted?: string;
  /** What a resume needs: the waiting node is first on the stack. */
  queue: QueueSnapshot;
}

export interface ExecutionFinishedData {
  status: 'success' | 'error' | 'canceled';
  stoppedAt: string;
  error?: ExecutionError;
  lastNodeExecuted?: string;
}

export type ExecutionEvent =
  | { type: 'ExecutionStarted'; data: ExecutionStartedData }
  | { type: 'NodeStarted'; data: NodeStartedData }
  | { type: 'NodeAttemptFailed'; data: NodeAttemptFailedData }
  | { type: 'NodeSucceeded'; data: NodeFinishedData }
  | { type: 'NodeFailed'; data: NodeFinishedData }
  | { type: 'NodeReturnedNoData'; data: NodeReturnedNoDataData }
  | { type: 'ExecutionWaiting'; data: ExecutionWaitingData }
  | { type: 'ExecutionResumed'; data: ExecutionResumedData }
  | { type: 'ExecutionPaused'; data: ExecutionPausedData }
  | { type: 'WebhookResponseSent'; data: WebhookResponseSentData }
  | { type: 'WebhookResponseChunk'; data: WebhookResponseChunkData }
  | { type: 'SubNodeCallStarted'; data: SubNodeCallStartedData }
  | { type: 'SubNodeCallFinished'; data: SubNodeCallFinishedData }
  | { type: 'ExecutionFinished'; data: ExecutionFinishedData };

export type ExecutionEventType = ExecutionEvent['type'];
export type ExecutionEventData<T extends ExecutionEventType> = Extract<ExecutionEvent, { type: T }>['data'];

/** Rebuilds the run result from the events of one execution, in order. Pure. */
export function foldExecution(events: Iterable<{ type: string; data: unknown }>): RunResult {
  let result: RunResult | undefined;
  for (const raw of events) {
    const event = raw as ExecutionEvent;
    if (event.type === 'ExecutionStarted') {
      const d = event.data;
      result = { status: 'running', mode: d.mode, startedAt: d.startedAt, data: { resultData: { runData: {} } } };
      if (d.pinData !== undefined) result.data.resultData.pinData = d.pinData;
      continue;
    }
    if ((raw.type as string) === 'ExecutionQueued') {
      // Accepted, waiting for a worker (n8n's status 'new').
      const d = raw.data as { mode: ExecutionMode; queuedAt: string };
      result ??= { status: 'new', mode: d.mode, startedAt: d.queuedAt, data: { resultData: { runData: {} } } };
      continue;
    }
    if (!result) continue;
    const resultData = result.data.resultData;
    switch (event.type) {
      case 'NodeSucceeded':
      case 'NodeFailed': {
        const { node, runIndex, taskData } = event.data;
        (resultData.runData[node] ??= [])[runIndex] = taskData;
        if (event.data.customData) resultData.metadata = { ...event.data.customData };
        // A node cut short by a cancel did not finish; the final event has the last word anyway.
        if (taskData.executionStatus !== 'canceled') resultData.lastNodeExecuted = node;
        break;
      }
      case 'SubNodeCallFinished':
        // A sub-node's use is a run of it, but never the run's last node: its root finishes after it.
        if (!event.data.own) (resultData.runData[event.data.node] ??= [])[event.data.runIndex] = event.data.taskData;
        break;
      case 'NodeReturnedNoData':
        if (event.data.executed) resultData.lastNodeExecuted = event.data.node;
        break;
      case 'ExecutionWaiting':
        result.status = 'waiting';
        result.waitTill = event.data.waitTill;
        result.stoppedAt = event.data.stoppedAt;
        setLastNode(resultData, event.data.lastNodeExecuted);
        break;
      case 'ExecutionPaused':
        result.status = 'waiting';
        result.paused = { node: event.data.node, when: event.data.when };
        break;
      case 'ExecutionResumed':
        result.status = 'running';
        delete result.paused;
        delete result.waitTill;
        delete result.stoppedAt;
        break;
      case 'ExecutionFinished':
        delete result.paused;
        result.status = event.data.status;
        result.stoppedAt = event.data.stoppedAt;
        if (event.data.error !== undefined) resultData.error = event.data.error;
        setLastNode(resultData, event.data.lastNodeExecuted);
        break;
      default:
        break;
    }
  }
  if (!result) throw new Error('No ExecutionQueued or ExecutionStarted event');
  return result;
}

function setLastNode(resultData: RunResult['data']['resultData'], name: string | undefined): void {
  if (name === undefined) delete resultData.lastNodeExecuted;
  else resultData.lastNodeExecuted = name;
}
