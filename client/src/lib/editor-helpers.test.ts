// Keyboard shortcuts and run replay: which key does what, and a run's state after any step.
import { describe, expect, it } from 'vitest';
import { parseItems, recordedInput, statesAt, stepsOf, type RunData } from './replay.ts';
import { shortcutOf } from './shortcuts.ts';

const key = (k: string, mods: Partial<{ metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  shortcutOf({ key: k, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('maps the common keys, with Ctrl or Cmd alike', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('Enter', { ctrlKey: true })).toBe('run');
    expect(key('Enter')).toBe('open');
    expect(key('n')).toBe('addNode');
    expect(key('Tab')).toBe('addNode');
    expect(key('d')).toBe('toggleDisabled');
    expect(key('d', { ctrlKey: true })).toBe('duplicate');
    expect(key('1')).toBe('fit');
    expect(key('?')).toBe('help');
    expect(key('x')).toBeUndefined();
    expect(key('n', { altKey: true })).toBeUndefined();
  });
});

describe('replay', () => {
  const runData: RunData = {
    Start: [{ executionIndex: 0, executionStatus: 'success', source: [], data: { main: [[{ json: { a: 1 } }]] } }],
    If: [{ executionIndex: 1, executionStatus: 'success', source: [{ previousNode: 'Start' }], data: { main: [[{ json: { a: 1 } }], null] } }],
    Fail: [{ executionIndex: 2, executionStatus: 'error', source: [{ previousNode: 'If' }], error: { message: 'boom' } }],
  };

  it('orders steps as they ran and folds the states up to a step', () => {
    const steps = stepsOf(runData);
    expect(steps.map((s) => s.node)).toEqual(['Start', 'If', 'Fail']);
    expect(Object.keys(statesAt(steps, 1))).toEqual(['Start']);
    const all = statesAt(steps, 3);
    expect(all.If).toMatchObject({ status: 'success', itemCounts: [1, null] });
    expect(all.Fail).toMatchObject({ status: 'error', error: 'boom' });
  });

  it("finds a node's recorded input, and reads typed items", () => {
    expect(recordedInput(runData, 'Fail')).toEqual([{ json: { a: 1 } }]);
    expect(recordedInput(runData, 'Start')).toEqual([{ json: {} }]);
    expect(parseItems('[{"json": {"n": 1}}, {"m": 2}]')).toEqual([{ json: { n: 1 } }, { json: { m: 2 } }]);
    expect(() => parseItems('{"n": 1}')).toThrow(/array of items/);
  });
});
