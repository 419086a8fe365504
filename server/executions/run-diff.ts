// A run compared with the run it came from, node by node: what a replay changed (issue 25).
import { deepEqual } from '../../domain/index.ts';
import type { Item, RunData, TaskData } from '../../engine/index.ts';

export type NodeDiffStatus = 'same' | 'changed' | 'added' | 'removed' | 'newError' | 'fixed';

/** Where two runs' outputs of a node part: its run index, output, and item index. */
export interface ItemPosition { run: number; output: number; item: number }

export interface NodeDiff {
  node: string;
  status: NodeDiffStatus;
  /** Items the node output in the other run (all runs, all main outputs); null when it did not run there. */
  itemsBefore: number | null;
  itemsAfter: number | null;
  /** For a changed node, the first few items that differ. */
  differingItems?: ItemPosition[];
}

/** How many differing items a changed node lists: enough to find them, not a copy of the run. */
export const DIFFERING_ITEMS_SHOWN = 5;

/** Nodes of both runs, in the order this run ran them, then those only the other ran. */
export function diffRuns(before: RunData, after: RunData, shown = DIFFERING_ITEMS_SHOWN): NodeDiff[] {
  const names = [...Object.keys(after), ...Object.keys(before).filter((n) => !(n in after))];
  return names.map((node) => diffNode(node, before[node], after[node], shown));
}

function diffNode(node: string, before: TaskData[] | undefined, after: TaskData[] | undefined, shown: number): NodeDiff {
  const counts = { itemsBefore: before ? itemCount(before) : null, itemsAfter: after ? itemCount(after) : null };
  if (!before) return { node, status: 'added', ...counts };
  if (!after) return { node, status: 'removed', ...counts };
  const failedBefore = before.some((t) => t.error);
  const failedAfter = after.some((t) => t.error);
  if (failedBefore && !failedAfter) return { node, status: 'fixed', ...counts };
  if (!failedBefore && failedAfter) return { node, status: 'newError', ...counts };
  const differing = differingItems(before, after, shown);
  const sameErrors = deepEqual(before.map((t) => t.error?.message), after.map((t) => t.error?.message));
  if (differing.length === 0 && sameErrors && before.length === after.length) return { node, status: 'same', ...counts };
  return { node, status: 'changed', ...counts, differingItems: differing };
}

const itemCount = (tasks: TaskData[]): number =>
  tasks.reduce((sum, t) => sum + (t.data?.main ?? []).reduce((s, items) => s + (items?.length ?? 0), 0), 0);

/** Positions whose items differ (or exist on one side only), up to `limit`, in run/output/item order. */
function differingItems(before: TaskData[], after: TaskData[], limit: number): ItemPosition[] {
  const found: ItemPosition[] = [];
  for (let run = 0; run < Math.max(before.length, after.length); run++) {
    const a = before[run]?.data?.main ?? [];
    const b = after[run]?.data?.main ?? [];
    for (let output = 0; output < Math.max(a.length, b.length); output++) {
      const itemsA = a[output] ?? [];
      const itemsB = b[output] ?? [];
      for (let item = 0; item < Math.max(itemsA.length, itemsB.length); item++) {
        if (found.length >= limit) return found;
        if (!sameItem(itemsA[item], itemsB[item])) found.push({ run, output, item });
      }
    }
  }
  return found;
}

/** Items compared without pairedItem: where an item came from is not what it holds. */
function sameItem(a: Item | undefined, b: Item | undefined): boolean {
  if (!a || !b) return a === b;
  const { pairedItem: _a, ...restA } = a;
  const { pairedItem: _b, ...restB } = b;
  return deepEqual(restA, restB);
}
