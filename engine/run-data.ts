// n8n's run result shapes (IRun, ITaskData), so tools that read n8n executions can read ours.
import type { AiUsage, ExecutionMode, Item, TaskSource } from './node-sdk.ts';

export type { TaskSource };

export type ExecutionStatus = 'new' | 'running' | 'success' | 'error' | 'waiting' | 'canceled' | 'crashed';

/** A serialisable error, as n8n records it on a task and on the run. */
export interface ExecutionError {
  message: string;
  name?: string;
  description?: string;
  node?: string;
  itemIndex?: number;
  /** For expression failures: the parameter and the expression text. */
  parameter?: string;
  expression?: string;
  stack?: string;
}

/** `runData[nodeName][runIndex]`. */
export interface TaskData {
  startTime: number;
  executionIndex: number;
  executionTime: number;
  executionStatus: 'success' | 'error' | 'waiting' | 'canceled';
  source: (TaskSource | null)[];
  /** Items per output, by connection type: 'main' for steps, an `ai_*` type for a sub-node's use. */
  data?: TaskDataConnections;
  /** A sub-node's use: what its root node gave it (n8n's inputOverride). */
  inputOverride?: Record<string, (Item[] | null)[]>;
  error?: ExecutionError;
  hints?: unknown[];
  /** A model call's tokens and cost (Weft's addition; n8n keeps tokens in the output's tokenUsage). */
  aiUsage?: AiUsage;
}

export interface TaskDataConnections {
  main: (Item[] | null)[];
  [connectionType: string]: (Item[] | null)[];
}

export type RunData = Record<string, TaskData[]>;

/** n8n's `IRun`, trimmed to what a finished or waiting run has. */
export interface RunResult {
  status: ExecutionStatus;
  mode: ExecutionMode;
  startedAt: string;
  stoppedAt?: string;
  waitTill?: string;
  /** Parked by the step debugger at this pause point (status 'waiting', no waitTill). */
  paused?: { node: string; when: 'before' | 'after' };
  data: {
    resultData: {
      runData: RunData;
      lastNodeExecuted?: string;
      error?: ExecutionError;
      pinData?: Record<string, Item[]>;
      /** `$execution.customData` as the run left it (n8n's name); absent when nothing was set. */
      metadata?: Record<string, string>;
    };
  };
}

/**
 * The result with only the last node's last run in its run data: what a webhook's answer reads,
 * a small fraction of a large run's data to hand between threads.
 */
export function withLastNodeOnly(result: RunResult): RunResult {
  const { runData, ...rest } = result.data.resultData;
  const last = rest.lastNodeExecuted;
  const runs = last ? runData[last] : undefined;
  return { ...result, data: { ...result.data, resultData: { ...rest, runData: last && runs?.length ? { [last]: [runs[runs.length - 1]] } : {} } } };
}

/** What a finished run hands back to its caller (n8n's sub-workflow result): the last node's output 0. */
export function lastNodeOutput(result: RunResult): Item[] {
  const last = result.data.resultData.lastNodeExecuted;
  const runs = last ? result.data.resultData.runData[last] : undefined;
  return runs?.[runs.length - 1]?.data?.main[0] ?? [];
}
