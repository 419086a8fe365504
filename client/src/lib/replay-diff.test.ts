import { describe, expect, it } from 'vitest';
import { badgeOf, badgesOf, startOf, untilEnded } from './replay-diff.ts';
import type { RunData } from './replay.ts';

describe('replay diff badges', () => {
  it('labels each status, and a changed node with how many items differ', () => {
    const base = { node: 'Code', itemsBefore: 3, itemsAfter: 3 };
    expect(badgeOf({ ...base, status: 'same' }).label).toBe('same');
    expect(badgeOf({ ...base, status: 'fixed', itemsBefore: 0 })).toEqual({
      status: 'fixed', label: 'fixed', title: 'fixed: failed before; succeeds now (before: 0 items, now: 3 items)',
    });
    expect(badgeOf({ ...base, status: 'newError' }).label).toBe('new error');
    expect(badgeOf({ ...base, status: 'added', itemsBefore: null }).title).toContain('before: did not run, now: 3 items');
    expect(badgeOf({ ...base, status: 'removed', itemsAfter: null }).label).toBe('not run');
    const at = (item: number) => ({ run: 0, output: 0, item });
    expect(badgeOf({ ...base, status: 'changed', differingItems: [at(1)] }).label).toBe('changed (1 item)');
    expect(badgeOf({ ...base, status: 'changed', differingItems: [at(0), at(2)] }).label).toBe('changed (2 items)');
    // The server lists five at most: five listed may mean more.
    expect(badgeOf({ ...base, status: 'changed', differingItems: [0, 1, 2, 3, 4].map(at) }).label).toBe('changed (5+ items)');
    // Changed only in its error message or run count: no items to count.
    expect(badgeOf({ ...base, status: 'changed', differingItems: [] }).label).toBe('changed');
    expect(badgesOf(undefined)).toBeUndefined();
    expect([...badgesOf({ executionId: 'b', against: 'a', nodes: [{ ...base, status: 'same' }] })!.keys()]).toEqual(['Code']);
  });

  it('finds where a run started: its first step fed by no other node', () => {
    const runData: RunData = {
      Code: [{ executionIndex: 2, source: [{ previousNode: 'Set' }] }],
      Set: [{ executionIndex: 1, source: [{ previousNode: 'Trigger' }] }],
      Trigger: [{ executionIndex: 0, source: [] }],
    };
    expect(startOf(runData)).toBe('Trigger');
    // A re-run from Set recorded Set with no source (null) as its first step.
    expect(startOf({ Set: [{ executionIndex: 0, source: [null] }], Code: [{ executionIndex: 1, source: [{ previousNode: 'Set' }] }] })).toBe('Set');
    expect(startOf({})).toBeUndefined();
  });

  it('waits until a run is no longer under way', async () => {
    const statuses = ['new', 'running', 'success'];
    let asked = 0;
    expect(await untilEnded(async () => statuses[asked++]!, 1000, 1)).toBe('success');
    expect(asked).toBe(3);
    // A run that never ends: the last status once the time is up.
    expect(await untilEnded(async () => 'running', 30, 5)).toBe('running');
  });
});
