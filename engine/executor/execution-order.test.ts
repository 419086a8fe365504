import { describe, expect, it } from 'vitest';
import { run, workflow } from './test-support.ts';

const ifIndexIs1 = { parameters: { key: '$itemIndex', value: 1 } };

describe('v1 execution order', () => {
  it('runs depth-first, the most top-left child first (n8n’s own fixture)', async () => {
    const pass = (name: string, x: number, y: number) => [name, 'test.pass', [x, y]] as [string, string, [number, number]];
    const def = workflow(
      [
        ['Start', 'n8n-nodes-base.manualTrigger', [300, 620]],
        pass('Wait', 740, 420), pass('Set', 480, 620), pass('Wait1', 740, 800), pass('Wait2', 940, 420),
        pass('Wait3', 1300, 420), pass('Wait4', 940, 800), pass('Wait5', 1140, 800), pass('Wait6', 760, 200),
        pass('Wait7', 1060, 200), pass('Wait8', 740, 600), pass('Wait9', 1040, 580), pass('Wait10', 1660, 340),
        pass('Wait11', 1660, 540), pass('Wait12', 1920, 340), pass('Wait13', 1240, 580),
        ['Merge', 'test.merge', [1300, 220]], pass('Wait14', 1520, 220),
        ['IF', 'test.if', [1780, -220], ifIndexIs1], pass('Wait15', 2020, -300), pass('Wait16', 2020, -140),
        ['IF1', 'test.if', [1780, 120], ifIndexIs1], pass('Wait17', 2020, 200), pass('Wait18', 2020, 40),
      ],
      [
        ['Start', 'Set'], ['Wait', 'Wait2'],
        ['Set', 'Wait'], ['Set', 'Wait1'], ['Set', 'Wait6'], ['Set', 'Wait7'], ['Set', 'Wait8'], ['Set', 'Wait9'],
        ['Wait1', 'Wait4'], ['Wait2', 'Wait3'], ['Wait2', 'Merge', 0, 1], ['Wait3', 'Wait10'], ['Wait3', 'Wait11'],
        ['Wait4', 'Wait5'], ['Wait7', 'Merge', 0, 0], ['Wait9', 'Wait13'], ['Wait10', 'Wait12'], ['Merge', 'Wait14'],
        ['Wait14', 'IF'], ['Wait14', 'IF1'], ['IF', 'Wait15', 0], ['IF', 'Wait16', 1], ['IF1', 'Wait17', 0], ['IF1', 'Wait18', 1],
      ],
    );
    const { order, result } = await run(def);
    expect(order).toEqual([
      'Start', 'Set', 'Wait6', 'Wait7', 'Wait', 'Wait2', 'Merge', 'Wait14', 'IF', 'Wait15', 'Wait16',
      'IF1', 'Wait18', 'Wait17', 'Wait3', 'Wait10', 'Wait12', 'Wait11', 'Wait9', 'Wait13', 'Wait8', 'Wait1', 'Wait4', 'Wait5',
    ]);
    expect(result.status).toBe('success');
    expect(result.data.resultData.lastNodeExecuted).toBe('Wait5');
  });

  it('runs the next multi-input node regardless of run index (n8n’s loop fixture)', async () => {
    const lt3 = { parameters: { key: 'counter', op: 'lt', value: 3 } };
    const def = workflow(
      [
        ['Set', 'test.counter', [640, 660]], ['IF', 'test.if', [900, 660], lt3], ['Merge', 'test.merge', [1180, 760]],
        ['Set1', 'test.counter', [640, 320]], ['IF1', 'test.if', [860, 320], lt3], ['Merge1', 'test.merge', [1180, 420]],
        ['Merge2', 'test.merge', [1500, 600]], ['Start', 'n8n-nodes-base.manualTrigger', [-20, 700]],
      ],
      [
        ['Set', 'IF'], ['IF', 'Set', 0], ['IF', 'Merge1', 0, 1], ['IF', 'Merge', 1, 0], ['Merge', 'Merge2', 0, 1],
        ['Set1', 'IF1'], ['IF1', 'Set1', 0], ['IF1', 'Merge1', 0, 0], ['Merge1', 'Merge2', 0, 0],
        ['Start', 'Merge', 0, 1], ['Start', 'Set1'], ['Start', 'Set'],
      ],
    );
    const t = await run(def);
    expect(t.order).toEqual([
      'Start', 'Set1', 'IF1', 'Set1', 'IF1', 'Set1', 'IF1', 'Set', 'IF', 'Merge1', 'Set', 'IF', 'Merge1', 'Set', 'IF', 'Merge', 'Merge2', 'Merge2',
    ]);
    expect(t.json('Merge1')).toEqual([[{ counter: 1 }, { counter: 1 }], [{ counter: 2 }, { counter: 2 }]]);
    expect(t.json('Merge')).toEqual([[{ counter: 3 }, {}]]);
    expect(t.json('Merge2')).toEqual([[{ counter: 1 }, { counter: 1 }, { counter: 3 }, {}], [{ counter: 2 }, { counter: 2 }]]);
    expect(t.json('IF1', 1)).toEqual([[], [], [{ counter: 3 }]]);
  });

  it('runs waiting Merge nodes with [] for inputs that never got data (n8n’s fixture)', async () => {
    const ifTest = (v: string) => ({ parameters: { key: 'test', value: v } });
    const def = workflow(
      [
        ['IF4', 'test.if', [880, 1240], ifTest('b')], ['NoOp2', 'test.pass', [1320, 1060]], ['Merge3', 'test.merge', [1100, 1060]],
        ['IF3', 'test.if', [620, 1060], ifTest('b')], ['Merge2', 'test.merge', [940, 900]], ['IF2', 'test.if', [620, 900], ifTest('a')],
        ['Merge7', 'test.merge', [2180, 1180]], ['Merge6', 'test.merge', [1840, 1200]], ['Merge5', 'test.merge', [1600, 1040]],
        ['Merge4', 'test.merge', [1180, 880]], ['Merge1', 'test.merge', [940, 720]], ['IF1', 'test.if', [620, 720], ifTest('b')],
        ['Set1', 'test.set', [400, 720], { parameters: { values: { test: 'a' } } }], ['Start', 'n8n-nodes-base.manualTrigger', [160, 240]],
      ],
      [
        ['IF4', 'Merge3', 0, 1], ['IF4', 'Merge6', 1, 1], ['NoOp2', 'Merge5', 0, 1], ['Merge3', 'NoOp2'], ['IF3', 'Merge3', 0, 0],
        ['IF3', 'IF4', 1], ['Merge2', 'Merge4', 0, 1], ['IF2', 'Merge2', 0, 0], ['IF2', 'Merge2', 1, 1], ['Merge6', 'Merge7', 0, 1],
        ['Merge5', 'Merge6', 0, 0], ['Merge4', 'Merge5', 0, 0], ['Merge1', 'Merge4', 0, 0], ['IF1', 'Merge1', 0, 0], ['IF1', 'Merge1', 1, 1],
        ['Set1', 'IF1'], ['Set1', 'IF2'], ['Set1', 'IF3'], ['Start', 'Set1'],
      ],
    );
    const t = await run(def);
    expect(t.order).toEqual(['Start', 'Set1', 'IF1', 'IF2', 'IF3', 'IF4', 'Merge1', 'Merge2', 'Merge4', 'Merge5', 'Merge6', 'Merge7']);
    const a = { test: 'a' };
    expect(t.json('Merge4')).toEqual([[a, a]]);
    expect(t.json('Merge6')).toEqual([[a, a, a]]);
    expect(t.json('Merge7')).toEqual([[a, a, a]]);
    // Inputs that never got data are recorded as null sources.
    expect(t.result.data.resultData.runData.Merge1[0].source).toEqual([null, { previousNode: 'IF1', previousNodeOutput: 1 }]);
  });

  it('keeps going when input 1 of a Merge never gets data', async () => {
    const def = workflow(
      [
        ['Start', 'n8n-nodes-base.manualTrigger', [180, 240]], ['Set', 'test.set', [400, 240], { parameters: { values: { test: 'a' } } }],
        ['IF', 'test.if', [620, 240], { parameters: { key: 'test', value: 'b' } }], ['NoOp', 'test.pass', [860, 160]],
        ['NoOp1', 'test.pass', [860, 300]], ['Merge', 'test.merge', [1140, 220]],
      ],
      [['Start', 'Set'], ['Set', 'IF'], ['IF', 'NoOp', 0], ['IF', 'NoOp1', 1], ['NoOp', 'Merge', 0, 0], ['NoOp1', 'Merge', 0, 1]],
    );
    const t = await run(def);
    expect(t.order).toEqual(['Start', 'Set', 'IF', 'NoOp1', 'Merge']);
    expect(t.json('Merge')).toEqual([[{ test: 'a' }]]);
  });

  it('does not run a chooseBranch Merge with a missing input (requiredInputs)', async () => {
    const def = workflow(
      [
        ['Start', 'n8n-nodes-base.manualTrigger'], ['IF', 'test.if', [200, 0], { parameters: { key: 'x', value: 1 } }],
        ['A', 'test.pass', [400, 0]], ['B', 'test.pass', [400, 200]],
        ['Merge', 'test.merge', [600, 0], { parameters: { mode: 'chooseBranch' } }], ['Append', 'test.merge', [600, 200]],
      ],
      [['Start', 'IF'], ['IF', 'A', 0], ['IF', 'B', 1], ['A', 'Merge', 0, 0], ['B', 'Merge', 0, 1], ['A', 'Append', 0, 0], ['B', 'Append', 0, 1]],
    );
    const t = await run(def, { triggerItems: [{ json: { x: 2 } }] });
    expect(t.order).toEqual(['Start', 'IF', 'B', 'Append']);
    expect(t.result.data.resultData.runData.Merge).toBeUndefined();
  });
});

describe('v0 execution order', () => {
  it('runs breadth-first in connection order', async () => {
    const def = workflow(
      [
        ['Start', 'n8n-nodes-base.manualTrigger'], ['B', 'test.pass', [200, 300]], ['A', 'test.pass', [200, 0]],
        ['B1', 'test.pass', [400, 300]], ['A1', 'test.pass', [400, 0]],
      ],
      [['Start', 'B'], ['Start', 'A'], ['B', 'B1'], ['A', 'A1']],
      {},
    );
    const t = await run(def);
    expect(t.order).toEqual(['Start', 'B', 'A', 'B1', 'A1']);
  });

  it('feeds [] into a Merge’s second input and force-runs a missing parent without inputs', async () => {
    const def = workflow(
      [
        ['Start', 'n8n-nodes-base.manualTrigger'], ['Empty', 'test.empty', [200, 0]],
        ['Orphan', 'test.set', [200, 300], { parameters: { values: { orphan: true } } }], ['Merge', 'test.merge', [400, 0]],
        ['Merge2', 'test.merge', [400, 300]],
      ],
      [['Start', 'Empty'], ['Empty', 'Merge', 0, 1], ['Start', 'Merge', 0, 0], ['Start', 'Merge2', 0, 0], ['Orphan', 'Merge2', 0, 1]],
      { executionOrder: 'v0' },
    );
    const t = await run(def);
    // Merge gets Start's item on input 0 and Empty's [] on input 1; Orphan is forced for Merge2.
    expect(t.order).toEqual(['Start', 'Empty', 'Orphan', 'Merge', 'Merge2']);
    expect(t.json('Merge')).toEqual([[{}]]);
    expect(t.json('Merge2')).toEqual([[{}, { orphan: true }]]);
    expect(t.result.data.resultData.runData.Orphan[0].source).toEqual([{ previousNode: 'Start' }]);
  });
});
