// "Debug in editor" (n8n's, for a past run): the node the run started at gets that run's output
// pinned, so the workflow can be fixed and run again on exactly the data that broke it.
import { stepsOf, type RunData } from './replay.ts';
import type { WorkflowDefinition } from './types.ts';

/**
 * The pinData a past run gives: its starting node's first output, as `{json}` items. Nothing when
 * that node is no longer in the workflow (renamed or deleted since) or produced no items.
 */
export function debugPinData(runData: RunData, def: WorkflowDefinition): Record<string, { json: Record<string, unknown> }[]> {
  // The first step with no node before it is where the run started (a trigger, or a re-run's node).
  const start = stepsOf(runData).find((s) => !s.task.source?.some((from) => from !== null));
  const items = start?.task.data?.main?.[0];
  if (!start || !items?.length || !def.nodes.some((n) => n.name === start.node)) return {};
  return { [start.node]: items.map((i) => ({ json: i.json })) };
}
