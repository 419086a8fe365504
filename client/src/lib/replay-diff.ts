// A replay's choices (where it starts, which version it runs) and its diff with the run it came
// from, as the canvas badges say it (GET /executions/:id/diff, server/executions/run-diff.ts).
import { stepsOf, type RunData } from './replay.ts';

/** The workflow version a replay runs: POST /executions/:id/rerun's `version`. */
export type ReplayVersion = 'original' | 'draft' | 'published' | number;

export type NodeDiffStatus = 'same' | 'changed' | 'added' | 'removed' | 'newError' | 'fixed';

export interface NodeDiff {
  node: string;
  status: NodeDiffStatus;
  itemsBefore: number | null;
  itemsAfter: number | null;
  differingItems?: { run: number; output: number; item: number }[];
}

export interface RunDiff {
  executionId: string;
  against: string;
  nodes: NodeDiff[];
}

/** What a node's badge shows: its status (for the colour), a short label and a longer tooltip. */
export interface DiffBadge {
  status: NodeDiffStatus;
  label: string;
  title: string;
}

/** The server lists at most this many differing items per node (its DIFFERING_ITEMS_SHOWN). */
export const DIFFERING_ITEMS_LISTED = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per status, for the legend and the tooltips. */
export const DIFF_LEGEND: { status: NodeDiffStatus; label: string; meaning: string }[] = [
  { status: 'same', label: 'same', meaning: 'the same output as in the earlier run' },
  { status: 'changed', label: 'changed', meaning: 'a different output: items that differ, or a different count' },
  { status: 'newError', label: 'new error', meaning: 'fails now; it did not before' },
  { status: 'fixed', label: 'fixed', meaning: 'failed before; succeeds now' },
  { status: 'added', label: 'added', meaning: 'ran now; it did not run before' },
  { status: 'removed', label: 'not run', meaning: 'ran before; it did not run now' },
];

const meaningOf = (status: NodeDiffStatus) => DIFF_LEGEND.find((l) => l.status === status)!.meaning;

function counts(d: NodeDiff): string {
  const side = (n: number | null) => (n === null ? 'did not run' : plural(n, 'item'));
  return `before: ${side(d.itemsBefore)}, now: ${side(d.itemsAfter)}`;
}

export function badgeOf(d: NodeDiff): DiffBadge {
  let label = DIFF_LEGEND.find((l) => l.status === d.status)!.label;
  if (d.status === 'changed') {
    const n = d.differingItems?.length ?? 0;
    // The server stops listing at its cap, so a full list means "at least that many".
    if (n > 0) label = `changed (${n}${n >= DIFFERING_ITEMS_LISTED ? '+' : ''} item${n === 1 ? '' : 's'})`;
  }
  return { status: d.status, label, title: `${label}: ${meaningOf(d.status)} (${counts(d)})` };
}

export function badgesOf(diff: RunDiff | undefined): Map<string, DiffBadge> | undefined {
  return diff ? new Map(diff.nodes.map((n) => [n.node, badgeOf(n)])) : undefined;
}

/**
 * Where a recorded run started: its first step that got no input from another node (the trigger,
 * or the node a re-run started from). Undefined for a run that failed before its first step.
 */
export function startOf(runData: RunData): string | undefined {
  const steps = stepsOf(runData);
  return (steps.find((s) => !(s.task.source ?? []).some(Boolean)) ?? steps[0])?.node;
}

/** Statuses a run may still leave; a replay opens once its run has left them. */
const UNDER_WAY = new Set(['new', 'running']);

/** Asks for a run until it is no longer under way (or `ms` pass); answers its last status. */
export async function untilEnded(fetchStatus: () => Promise<string>, ms = 60_000, every = 250): Promise<string | undefined> {
  const until = Date.now() + ms;
  let status: string | undefined;
  do {
    status = await fetchStatus().catch(() => undefined);
    if (status && !UNDER_WAY.has(status)) return status;
    await new Promise((r) => setTimeout(r, every));
  } while (Date.now() < until);
  return status;
}
