// Reading a recorded run back in time: its events up to a step, and what a node got as input.
import type { Item, RunResult } from '../../engine/index.ts';

/** The events up to and including the `steps`-th recorded node run (its end), then nothing. */
export function eventsUntilStep<E extends { type: string }>(events: E[], steps: number): E[] {
  let seen = 0;
  const out: E[] = [];
  for (const event of events) {
    if (event.type === 'NodeSucceeded' || event.type === 'NodeFailed') {
      if (seen === steps) break;
      seen++;
    }
    out.push(event);
  }
  return out;
}

/** The items a node run got: its parent's output on the connection that fed it. */
export function recordedInput(result: RunResult, node: string, runIndex: number): Item[] | undefined {
  const task = result.data.resultData.runData[node]?.[runIndex];
  const source = task?.source?.[0];
  if (!source) return undefined;
  const parent = result.data.resultData.runData[source.previousNode]?.[source.previousNodeRun ?? 0];
  return parent?.data?.main[source.previousNodeOutput ?? 0] ?? undefined;
}

/** The node a run started from: the one whose first run no other node fed. */
export function startNodeOf(runData: RunResult['data']['resultData']['runData']): string | undefined {
  return Object.entries(runData).find(([, tasks]) => tasks[0]?.source.every((s) => !s))?.[0];
}
