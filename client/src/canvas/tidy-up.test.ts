// Tidy up: a left-to-right layout with no overlaps, sub-nodes under their root, notes untouched;
// and the keys of tidy up and of search on the canvas.
import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowNode } from '../lib/types.ts';
import { shortcutOf } from '../lib/shortcuts.ts';
import { tidyUpPositions } from './tidy-up.ts';

const node = (name: string, type = 'n8n-nodes-base.noOp', position: [number, number] = [0, 0]): WorkflowNode =>
  ({ id: name, name, type, typeVersion: 1, position, parameters: {} }) as WorkflowNode;
const main = (to: string, index = 0) => ({ node: to, type: 'main', index });

/** Whether two laid-out nodes' boxes (100 × 120) overlap. */
const overlap = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 100 && Math.abs(a[1] - b[1]) < 120;

describe('tidy up', () => {
  it('lays a branching flow out left to right without overlaps, from where the flow was', () => {
    // Everything piled on one spot, as a careless paste leaves it.
    const def = {
      name: 'w', settings: {},
      nodes: [node('Start', 'n8n-nodes-base.manualTrigger', [40, 60]), node('If', 'n8n-nodes-base.if', [40, 60]), node('Yes', undefined, [40, 60]), node('No', undefined, [40, 60]), node('End', undefined, [40, 60])],
      connections: { Start: { main: [[main('If')]] }, If: { main: [[main('Yes')], [main('No')]] }, Yes: { main: [[main('End')]] }, No: { main: [[main('End')]] } },
    } as unknown as WorkflowDefinition;
    const at = tidyUpPositions(def);
    expect([...at.keys()].sort()).toEqual(['End', 'If', 'No', 'Start', 'Yes']);
    const p = (name: string) => at.get(name)!;
    expect(p('Start')[0]).toBeLessThan(p('If')[0]);
    expect(p('If')[0]).toBeLessThan(p('Yes')[0]);
    expect(p('Yes')[0]).toBe(p('No')[0]);
    expect(p('Yes')[0]).toBeLessThan(p('End')[0]);
    const list = [...at.values()];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlap(list[i]!, list[j]!)).toBe(false);
    // On the 20 px grid, with the top left where the nodes were.
    for (const [x, y] of list) expect([x % 20, y % 20]).toEqual([0, 0]);
    expect(Math.min(...list.map((q) => q[0]))).toBe(40);
    expect(Math.min(...list.map((q) => q[1]))).toBe(60);
  });

  it('puts sub-nodes under their root, and leaves sticky notes where they are', () => {
    const def = {
      name: 'w', settings: {},
      nodes: [
        node('Chat', 'n8n-nodes-base.manualTrigger', [0, 0]),
        node('Agent', '@n8n/n8n-nodes-langchain.agent', [0, 0]),
        node('Model', '@n8n/n8n-nodes-langchain.lmChatOpenAi', [500, 500]),
        node('Memory', '@n8n/n8n-nodes-langchain.memoryBufferWindow', [500, 500]),
        node('Note', 'n8n-nodes-base.stickyNote', [900, 900]),
      ],
      connections: {
        Chat: { main: [[main('Agent')]] },
        Model: { ai_languageModel: [[{ node: 'Agent', type: 'ai_languageModel', index: 0 }]] },
        Memory: { ai_memory: [[{ node: 'Agent', type: 'ai_memory', index: 0 }]] },
      },
    } as unknown as WorkflowDefinition;
    const at = tidyUpPositions(def);
    expect(at.has('Note')).toBe(false);
    const [ax, ay] = at.get('Agent')!;
    expect(at.get('Chat')![0]).toBeLessThan(ax);
    expect(at.get('Model')).toEqual([ax, ay + 240]);
    expect(at.get('Memory')).toEqual([ax + 120, ay + 240]);
  });

  it('has nothing to move in an empty workflow or one of notes only', () => {
    const empty = { name: 'w', settings: {}, nodes: [node('Note', 'n8n-nodes-base.stickyNote')], connections: {} } as unknown as WorkflowDefinition;
    expect(tidyUpPositions(empty).size).toBe(0);
  });
});

describe('the canvas shortcuts', () => {
  const press = (key: string, mods: Partial<{ code: string; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
    shortcutOf({ key, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...mods });

  it('tidies up on Shift+Alt+T, read by key code (a Mac types another character)', () => {
    expect(press('ˇ', { code: 'KeyT', shiftKey: true, altKey: true })).toBe('tidyUp');
    expect(press('T', { shiftKey: true, altKey: true })).toBe('tidyUp');
    expect(press('t', { code: 'KeyT', altKey: true })).toBeUndefined();
    expect(press('t', { code: 'KeyT', altKey: true, shiftKey: true, ctrlKey: true })).toBeUndefined();
  });

  it('searches the canvas on Ctrl+F or Cmd+F', () => {
    expect(press('f', { ctrlKey: true })).toBe('search');
    expect(press('f', { metaKey: true })).toBe('search');
    expect(press('f')).toBeUndefined();
  });
});
