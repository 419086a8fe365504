// Turns recorded execution and workflow events into the live protocol's messages: one pure
// function, so replay and live delivery cannot describe the same event differently.
import { streamCategory, streamId, type LiveDataByType, type LiveMessage, type LiveMessageType, type LiveRoom, type LiveRunError, type RecordedEvent } from '../../domain/index.ts';

/** What the mapping produces before it knows which room the message goes to. */
export type LiveBody = LiveMessage extends infer M ? (M extends LiveMessage ? Omit<M, 'room'> : never) : never;

/** The run's identity as far as the live feed needs it. */
export interface RunOwner {
  workflowId: string;
  /** The run's workspace (for access checks); absent on very old events. */
  workspaceId?: string;
}

/** The room names of one workflow or execution. */
export const workflowRoom = (workflowId: string): LiveRoom => `workflow:${workflowId}`;
export const executionRoom = (executionId: string): LiveRoom => `execution:${executionId}`;

/** The run owner an execution event itself tells (the first event of a run carries the workflow id). */
export function ownerFromEvent(event: RecordedEvent): RunOwner | undefined {
  const data = event.data as { workflowId?: unknown; workspaceId?: unknown } | undefined;
  if (!data || typeof data.workflowId !== 'string') return undefined;
  const workspaceId = event.metadata.workspaceId ?? (typeof data.workspaceId === 'string' ? data.workspaceId : undefined);
  return { workflowId: data.workflowId, ...(workspaceId ? { workspaceId } : {}) };
}

/** Workflow events with a message of their own; every other workflow event changes the definition. */
const WORKFLOW_TYPES: Record<string, (data: Record<string, unknown>) => { type: LiveMessageType; data: unknown }> = {
  WorkflowActivated: () => ({ type: 'workflow.activated', data: {} }),
  WorkflowDeactivated: () => ({ type: 'workflow.deactivated', data: {} }),
  WorkflowActivationFailed: (d) => ({ type: 'workflow.activationFailed', data: { reason: String(d.reason ?? '') } }),
  WorkflowRenamed: (d) => ({ type: 'workflow.renamed', data: { from: String(d.from ?? ''), to: String(d.to ?? '') } }),
  WorkflowDeleted: () => ({ type: 'workflow.deleted', data: {} }),
  WorkflowRestoredFromDeletion: () => ({ type: 'workflow.restored', data: {} }),
  WorkflowTagged: (d) => ({ type: 'workflow.tagged', data: { tags: Array.isArray(d.tags) ? d.tags : [] } }),
  WorkflowShared: (d) => ({ type: 'workflow.sharing', data: { workspaceId: String(d.workspaceId ?? ''), shared: true } }),
  WorkflowUnshared: (d) => ({ type: 'workflow.sharing', data: { workspaceId: String(d.workspaceId ?? ''), shared: false } }),
};

/**
 * The message for an event of a `workflow-<id>` or `execution-<id>` stream, or undefined for
 * other streams. Execution events need their run's owner (`owner`), which the caller looks up.
 */
export function toLiveBody(event: RecordedEvent, owner?: RunOwner): LiveBody | undefined {
  const category = streamCategory(event.stream);
  const id = streamId(event.stream);
  const common = { stream: event.stream, revision: event.revision, position: event.position, at: event.metadata.at };
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (category === 'workflow') {
    const known = WORKFLOW_TYPES[event.type];
    const mapped = known ? known(data) : { type: 'workflow.edited' as const, data: { eventType: event.type, detail: withoutDefinition(data) } };
    return { ...common, workflowId: id, ...mapped } as LiveBody;
  }
  if (category === 'execution' && owner) {
    const mapped = executionMessage(event.type, data);
    return { ...common, workflowId: owner.workflowId, executionId: id, ...mapped } as LiveBody;
  }
  return undefined;
}

interface TaskDataLike {
  executionStatus?: string;
  executionTime?: number;
  data?: { main?: (unknown[] | null)[]; [connectionType: string]: (unknown[] | null)[] | undefined };
  error?: LiveRunError;
}

function executionMessage(type: string, d: Record<string, unknown>): { type: LiveMessageType; data: LiveDataByType[LiveMessageType] } {
  switch (type) {
    case 'ExecutionQueued':
      // Not the definition or the trigger items it also holds: those are for the worker.
      return { type: 'run.queued', data: pickStrings(d, ['mode', 'queuedAt', 'startNode', 'destinationNode', 'retryOf']) };
    case 'ExecutionStarted':
      return {
        type: 'run.started',
        data: {
          mode: String(d.mode ?? ''), startedAt: String(d.startedAt ?? ''),
          ...(typeof d.startNode === 'string' ? { startNode: d.startNode } : {}),
          ...(typeof d.destinationNode === 'string' ? { destinationNode: d.destinationNode } : {}),
        },
      };
    case 'ExecutionResumed':
      return { type: 'run.resumed', data: pickStrings(d, ['resumedAt', 'by', 'how']) };
    case 'ExecutionPaused': {
      // Counts only: the items themselves can be large (GET /executions/:id/debug has them).
      const items = (d.when === 'before' ? d.input : d.output) as (unknown[] | null)[] | undefined;
      return {
        type: 'run.paused',
        data: { node: String(d.node), runIndex: Number(d.runIndex ?? 0), when: d.when === 'after' ? 'after' : 'before', itemCounts: (items ?? []).map((i) => (Array.isArray(i) ? i.length : null)) },
      };
    }
    case 'PausedInputEdited':
      return {
        type: 'run.inputEdited',
        data: { node: String(d.node), input: Number(d.input ?? 0), itemCount: Array.isArray(d.items) ? d.items.length : 0, ...(typeof d.by === 'string' ? { by: d.by } : {}) },
      };
    case 'NodeStarted':
      return {
        type: 'node.started',
        data: { node: String(d.node), runIndex: Number(d.runIndex ?? 0), executionIndex: Number(d.executionIndex ?? 0), inputItemCounts: (d.inputItemCounts as (number | null)[]) ?? [] },
      };
    case 'NodeAttemptFailed':
      return { type: 'node.retrying', data: { node: String(d.node), runIndex: Number(d.runIndex ?? 0), attempt: Number(d.attempt ?? 0), error: publicError(d.error) } };
    case 'NodeSucceeded':
    case 'NodeFailed': {
      const task = (d.taskData ?? {}) as TaskDataLike;
      // A large output is in the blob store; its event keeps the counts.
      const counts = Array.isArray(d.itemCounts) ? (d.itemCounts as (number | null)[]) : itemCounts(task);
      const base = { node: String(d.node), runIndex: Number(d.runIndex ?? 0), itemCounts: counts, durationMs: task.executionTime ?? 0 };
      if (type === 'NodeFailed') return { type: 'node.failed', data: { ...base, error: publicError(task.error) } };
      return { type: 'node.finished', data: { ...base, status: (task.executionStatus ?? 'success') as LiveDataByType['node.finished']['status'] } };
    }
    case 'NodeReturnedNoData':
      return { type: 'node.finished', data: { node: String(d.node), runIndex: Number(d.runIndex ?? 0), status: 'success', itemCounts: [], durationMs: 0, noData: true } };
    case 'SubNodeCallStarted':
      return {
        type: 'subnode.started',
        data: { node: String(d.node), runIndex: Number(d.runIndex ?? 0), rootNode: String(d.rootNode ?? ''), connectionType: String(d.connectionType ?? ''), input: preview(d.input ?? {}) },
      };
    case 'SubNodeCallFinished': {
      const task = (d.taskData ?? {}) as TaskDataLike & { aiUsage?: LiveDataByType['subnode.finished']['usage'] };
      const output = Object.entries(task.data ?? {}).find(([type]) => type !== 'main')?.[1]?.[0]?.[0] as { json?: unknown } | undefined;
      return {
        type: 'subnode.finished',
        data: {
          node: String(d.node), runIndex: Number(d.runIndex ?? 0), status: (task.executionStatus ?? 'success') as LiveDataByType['subnode.finished']['status'],
          durationMs: task.executionTime ?? 0,
          ...(output?.json !== undefined ? { output: preview(output.json) } : {}),
          ...(task.error ? { error: publicError(task.error) } : {}),
          ...(task.aiUsage ? { usage: task.aiUsage } : {}),
        },
      };
    }
    case 'ExecutionWaiting':
      return { type: 'run.waiting', data: { node: String(d.node), waitTill: String(d.waitTill ?? '') } };
    case 'ExecutionFinished':
      return {
        type: 'run.finished',
        data: {
          status: String(d.status) as LiveDataByType['run.finished']['status'], stoppedAt: String(d.stoppedAt ?? ''),
          ...(d.error ? { error: publicError(d.error) } : {}),
          ...(typeof d.lastNodeExecuted === 'string' ? { lastNodeExecuted: d.lastNodeExecuted } : {}),
        },
      };
    default:
      // Every event of a run becomes a message, so a client sees contiguous revisions.
      return { type: 'run.event', data: { eventType: type } };
  }
}

/** Most of a sub-node use's input or output a live message carries; the run data has all of it. */
const PREVIEW_CHARS = 8192;

/** A long conversation or tool result goes live as the start of its JSON. */
function preview(value: unknown): unknown {
  const text = JSON.stringify(value) ?? '';
  return text.length <= PREVIEW_CHARS ? value : { truncated: true, preview: text.slice(0, PREVIEW_CHARS) };
}

/** A whole definition can be large; watchers that need it read the workflow. */
function withoutDefinition(data: Record<string, unknown>): Record<string, unknown> {
  if (!('definition' in data)) return data;
  const { definition: _definition, ...rest } = data;
  return rest;
}

function pickStrings(data: Record<string, unknown>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => typeof data[k] === 'string').map((k) => [k, data[k] as string]));
}

function itemCounts(task: TaskDataLike): (number | null)[] {
  return (task.data?.main ?? []).map((output) => (Array.isArray(output) ? output.length : null));
}

/** A run or node error as watchers see it: n8n's fields, without the stack. */
export function publicError(value: unknown): LiveRunError {
  if (value && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string') {
    // The stack is for the run's record, not for every watcher.
    const { stack: _stack, ...rest } = value as LiveRunError;
    return rest;
  }
  return { message: 'The node failed' };
}
