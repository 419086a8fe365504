// An execution replayed step by step: the order nodes ran in (from n8n's runData) and the state
// of every node after step k, for the scrubber of the execution view.
import type { NodeRunState } from './live.svelte.ts';

export interface RunTask {
  executionIndex?: number;
  startTime?: number;
  executionStatus?: string;
  data?: { main: ({ json: Record<string, unknown> }[] | null)[] };
  source?: ({ previousNode: string; previousNodeOutput?: number; previousNodeRun?: number } | null)[];
  error?: { message: string };
}

export type RunData = Record<string, RunTask[]>;

export interface Step {
  node: string;
  runIndex: number;
  task: RunTask;
}

export function stepsOf(runData: RunData): Step[] {
  const steps: Step[] = [];
  for (const [node, tasks] of Object.entries(runData)) tasks.forEach((task, runIndex) => steps.push({ node, runIndex, task }));
  return steps.sort((a, b) => (a.task.executionIndex ?? a.task.startTime ?? 0) - (b.task.executionIndex ?? b.task.startTime ?? 0));
}

/** Node states after the first `k` steps. */
export function statesAt(steps: Step[], k: number): Record<string, NodeRunState> {
  const states: Record<string, NodeRunState> = {};
  for (const step of steps.slice(0, k)) {
    const status = step.task.executionStatus === 'error' || step.task.error ? 'error' : ((step.task.executionStatus ?? 'success') as NodeRunState['status']);
    states[step.node] = {
      status,
      itemCounts: (step.task.data?.main ?? []).map((items) => (items ? items.length : null)),
      error: step.task.error?.message,
      runs: (states[step.node]?.runs ?? 0) + 1,
    };
  }
  return states;
}

/** The items a node received in a recorded run (what "re-run from here" starts it with). */
export function recordedInput(runData: RunData, node: string): { json: Record<string, unknown> }[] {
  const source = runData[node]?.[0]?.source?.[0];
  const input = source ? runData[source.previousNode]?.[source.previousNodeRun ?? 0]?.data?.main?.[source.previousNodeOutput ?? 0] : undefined;
  return (input ?? [{ json: {} }]).map((i) => ({ json: i.json }));
}

/** Items typed by a person: an array of `{json}` items or of plain objects; throws when it is not. */
export function parseItems(text: string): { json: Record<string, unknown> }[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw new Error('The input must be an array of items, e.g. [{"json": {"a": 1}}]');
  return value.map((i) => (i && typeof i === 'object' && 'json' in i ? (i as { json: Record<string, unknown> }) : { json: (i ?? {}) as Record<string, unknown> }));
}
