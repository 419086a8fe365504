import { describe, expect, it } from 'vitest';
import type { Item, RunData, TaskData } from '../../engine/index.ts';
import { diffRuns } from './run-diff.ts';

const task = (main: (Item[] | null)[], error?: string): TaskData => ({
  startTime: 0, executionIndex: 0, executionTime: 1, executionStatus: error ? 'error' : 'success', source: [],
  ...(error ? { error: { message: error } as TaskData['error'] } : { data: { main } }),
});
const items = (...values: number[]): Item[] => values.map((n, i) => ({ json: { n }, pairedItem: { item: i } }));
const byNode = (diff: ReturnType<typeof diffRuns>) => Object.fromEntries(diff.map((d) => [d.node, d]));

describe('diffRuns', () => {
  it('tells same, changed, added, removed, newError and fixed nodes apart, with item counts', () => {
    const before: RunData = {
      Trigger: [task([items(1, 2)])],
      Set: [task([items(1, 2, 3)])],
      Code: [task([], 'boom')],
      Check: [task([items(1)])],
      Old: [task([items(1)])],
    };
    const after: RunData = {
      Trigger: [task([items(1, 2)])],
      Set: [task([items(1, 9, 3, 4)])],
      Code: [task([items(5)])],
      Check: [task([], 'new failure')],
      New: [task([items(1), items(2, 3)])],
    };
    const diff = byNode(diffRuns(before, after));
    expect(diff.Trigger).toEqual({ node: 'Trigger', status: 'same', itemsBefore: 2, itemsAfter: 2 });
    expect(diff.Set).toEqual({
      node: 'Set', status: 'changed', itemsBefore: 3, itemsAfter: 4,
      differingItems: [{ run: 0, output: 0, item: 1 }, { run: 0, output: 0, item: 3 }],
    });
    expect(diff.Code).toMatchObject({ status: 'fixed', itemsBefore: 0, itemsAfter: 1 });
    expect(diff.Check).toMatchObject({ status: 'newError', itemsBefore: 1, itemsAfter: 0 });
    expect(diff.New).toEqual({ node: 'New', status: 'added', itemsBefore: null, itemsAfter: 3 });
    expect(diff.Old).toEqual({ node: 'Old', status: 'removed', itemsBefore: 1, itemsAfter: null });
    expect(diffRuns(before, after).map((d) => d.node)).toEqual(['Trigger', 'Set', 'Code', 'Check', 'New', 'Old']);
  });

  it('ignores pairedItem and key order, but not binary data or another output', () => {
    const reordered: Item = { json: { b: 2, a: 1 }, pairedItem: [{ item: 7 }] };
    const same = diffRuns({ N: [task([[{ json: { a: 1, b: 2 }, pairedItem: { item: 0 } }]])] }, { N: [task([[reordered]])] });
    expect(same[0].status).toBe('same');
    const binary = diffRuns({ N: [task([items(1)])] }, { N: [task([[{ json: { n: 1 }, binary: { data: { data: 'eA==', mimeType: 'text/plain' } } }]])] });
    expect(binary[0]).toMatchObject({ status: 'changed', differingItems: [{ run: 0, output: 0, item: 0 }] });
    // An If node that now sends the item down its other branch.
    const branch = diffRuns({ If: [task([items(1), []])] }, { If: [task([[], items(1)])] });
    expect(branch[0]).toMatchObject({ status: 'changed', differingItems: [{ run: 0, output: 0, item: 0 }, { run: 0, output: 1, item: 0 }] });
  });

  it('counts every run of a node, lists only the first few differences, and sees a changed error', () => {
    const many = Array.from({ length: 20 }, (_, i) => i);
    const diff = diffRuns({ Loop: [task([items(...many)]), task([items(1)])] }, { Loop: [task([items(...many.map((n) => n + 1))])] });
    expect(diff[0]).toMatchObject({ status: 'changed', itemsBefore: 21, itemsAfter: 20 });
    expect(diff[0].differingItems).toEqual([0, 1, 2, 3, 4].map((item) => ({ run: 0, output: 0, item })));
    expect(diffRuns({ N: [task([], 'one')] }, { N: [task([], 'two')] })[0].status).toBe('changed');
    expect(diffRuns({ N: [task([], 'one')] }, { N: [task([], 'one')] })[0].status).toBe('same');
  });
});
