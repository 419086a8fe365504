// Debug in editor: which past output gets pinned.
import { describe, expect, it } from 'vitest';
import { debugPinData } from './debug-in-editor.ts';
import type { RunData } from './replay.ts';
import type { WorkflowDefinition } from './types.ts';

const def = (...names: string[]) => ({ name: 'w', settings: {}, connections: {}, nodes: names.map((name) => ({ id: name, name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} })) }) as unknown as WorkflowDefinition;

const run: RunData = {
  Code: [{ executionIndex: 1, source: [{ previousNode: 'Start' }], data: { main: [[{ json: { n: 2 } }]] }, error: { message: 'boom' } }],
  Start: [{ executionIndex: 0, source: [], data: { main: [[{ json: { name: 'Ada' } }, { json: { name: 'Bo' } }]] } }],
};

describe('debug in editor', () => {
  it("pins the starting node's output of the run, and no other node's", () => {
    expect(debugPinData(run, def('Start', 'Code'))).toEqual({ Start: [{ json: { name: 'Ada' } }, { json: { name: 'Bo' } }] });
  });

  it('treats a step whose sources are all null as the start (n8n writes [null] for a trigger)', () => {
    const nullSource: RunData = { ...run, Start: [{ ...run.Start![0]!, source: [null] }] };
    expect(Object.keys(debugPinData(nullSource, def('Start', 'Code')))).toEqual(['Start']);
  });

  it('pins nothing when the starting node is gone or gave no items', () => {
    expect(debugPinData(run, def('Renamed', 'Code'))).toEqual({});
    expect(debugPinData({ Start: [{ source: [], data: { main: [[]] } }] }, def('Start'))).toEqual({});
    expect(debugPinData({}, def('Start'))).toEqual({});
  });
});
