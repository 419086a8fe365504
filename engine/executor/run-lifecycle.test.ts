import { describe, expect, it } from 'vitest';
import { definitionHash } from './canonical-json.ts';
import { run, workflow } from './test-support.ts';

describe('start node', () => {
  it('prefers the first enabled trigger node, in workflow order', async () => {
    const def = workflow(
      [['Manual', 'n8n-nodes-base.manualTrigger'], ['Schedule', 'test.schedule', [0, 200]], ['Off', 'test.schedule', [0, 400], { disabled: true }], ['A', 'test.pass', [200, 0]]],
      [['Manual', 'A'], ['Schedule', 'A']],
    );
    expect((await run(def)).order).toEqual(['Manual', 'A']);
    def.nodes.reverse();
    expect((await run(def)).order).toEqual(['Schedule', 'A']);
  });

  it('runs a trigger node only in manual runs; otherwise its injected input is its output', async () => {
    const def = workflow([['Schedule', 'test.schedule'], ['A', 'test.pass', [200, 0]]], [['Schedule', 'A']]);
    expect((await run(def)).json('Schedule')).toEqual([[{ scheduled: true }]]);
    expect((await run(def, { mode: 'trigger', triggerItems: [{ json: { tick: 1 } }] })).json('A')).toEqual([[{ tick: 1 }]]);
  });

  it('falls back to the starting node types, and honours an explicit start node', async () => {
    const def = workflow([['A', 'test.pass'], ['Trigger', 'n8n-nodes-base.manualTrigger'], ['B', 'test.pass']], [['Trigger', 'B'], ['A', 'B']]);
    expect((await run(def)).order).toEqual(['Trigger', 'B']);
    const t = await run(def, { startNode: 'A', triggerItems: [{ json: { from: 'webhook' } }] });
    expect(t.order).toEqual(['A', 'B']);
    expect(t.json('B')).toEqual([[{ from: 'webhook' }]]);
    expect(t.events[0].data).toMatchObject({ startNode: 'A', triggerItems: [{ json: { from: 'webhook' } }] });
  });

  it('fails clearly when there is nothing to start from', async () => {
    const t = await run(workflow([['A', 'test.pass'], ['B', 'test.pass']], [['A', 'B']]));
    expect(t.result.status).toBe('error');
    expect(t.result.data.resultData.error?.message).toBe('No node to start the workflow from could be found');
  });

  it('refuses to run a workflow with an unknown node type on its path', async () => {
    const t = await run(workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['X', 'nope.unknown']], [['Start', 'X']]));
    expect(t.result.status).toBe('error');
    expect(t.result.data.resultData.error?.description).toContain('"X"');
    expect(t.result.data.resultData.runData).toEqual({});
  });

  it('stops at the destination node and skips branches not leading to it', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['A', 'test.pass', [200, 0]], ['Side', 'test.pass', [200, 200]], ['B', 'test.pass', [400, 0]]],
      [['Start', 'A'], ['Start', 'Side'], ['A', 'B']],
    );
    expect((await run(def, { destinationNode: 'A' })).order).toEqual(['Start', 'A']);
  });
});

describe('run lifecycle', () => {
  it('records the steps of a run in order, with a hashed definition snapshot', async () => {
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['A', 'test.pass', [200, 0]]], [['Start', 'A']], { executionOrder: 'v1', timezone: 'Europe/Berlin' });
    const t = await run(def);
    expect(t.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'NodeStarted', 'NodeSucceeded', 'NodeStarted', 'NodeSucceeded', 'ExecutionFinished']);
    expect(t.events[0].data).toMatchObject({ definitionHash: definitionHash(def), timezone: 'Europe/Berlin', executionOrder: 'v1', mode: 'manual' });
    expect(t.events[3].data).toEqual({ node: 'A', runIndex: 0, executionIndex: 1, startTime: expect.any(Number), source: [{ previousNode: 'Start' }], inputItemCounts: [1] });
    expect(t.result).toMatchObject({ status: 'success', mode: 'manual', startedAt: '2024-01-01T00:00:00.001Z' });
    expect(t.result.data.resultData.runData.Start[0]).toMatchObject({ source: [], executionIndex: 0, executionStatus: 'success', hints: [] });
  });

  it('hashes definitions independently of key order', () => {
    expect(definitionHash({ a: 1, b: [{ c: 2, d: 3 }] })).toBe(definitionHash({ b: [{ d: 3, c: 2 }], a: 1 }));
  });

  it('parks the run when a node asks to wait', async () => {
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Wait', 'test.wait', [200, 0]], ['After', 'test.pass', [400, 0]]], [['Start', 'Wait'], ['Wait', 'After']]);
    const t = await run(def);
    expect(t.result.status).toBe('waiting');
    expect(t.result.waitTill).toBe('2030-01-01T00:00:00.000Z');
    expect(t.order).toEqual(['Start', 'Wait']);
    expect(t.result.data.resultData.runData.Wait[0].executionStatus).toBe('waiting');
    const waiting = t.events.at(-1)!;
    expect(waiting.type).toBe('ExecutionWaiting');
    expect(waiting.data).toMatchObject({ node: 'Wait', queue: { stack: [{ node: 'Wait' }] } });
  });

  it('cancels a running execution when the signal aborts', async () => {
    const controller = new AbortController();
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Hang', 'test.hang', [200, 0]], ['After', 'test.pass', [400, 0]]], [['Start', 'Hang'], ['Hang', 'After']]);
    // Aborted once Hang is running, however slow the machine is to get there.
    const abortWhenHangStarts = (node: { name: string }) => {
      if (node.name === 'Hang') setTimeout(() => controller.abort(), 5);
      return undefined;
    };
    const t = await run(def, { signal: controller.signal, standIn: abortWhenHangStarts });
    expect(t.result.status).toBe('canceled');
    expect(t.result.data.resultData.error?.message).toBe('The execution was cancelled');
    expect(t.result.data.resultData.runData.Hang[0].executionStatus).toBe('canceled');
    expect(t.order).toEqual(['Start', 'Hang']);
  });

  it('does not start when already canceled', async () => {
    const controller = new AbortController();
    controller.abort();
    const t = await run(workflow([['Start', 'n8n-nodes-base.manualTrigger']], []), { signal: controller.signal });
    expect(t.result.status).toBe('canceled');
    expect(t.order).toEqual([]);
  });
});
