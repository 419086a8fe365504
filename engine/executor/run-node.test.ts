import { describe, expect, it } from 'vitest';
import { run, workflow } from './test-support.ts';

const chain = (middle: [string, string, Record<string, unknown>?], settings?: Record<string, unknown>) =>
  workflow(
    [['Start', 'n8n-nodes-base.manualTrigger'], [middle[0], middle[1], [200, 0], middle[2] ?? {}], ['After', 'test.pass', [400, 0]]],
    [['Start', middle[0]], [middle[0], 'After']],
    settings,
  );

describe('node settings', () => {
  it('passes input 0 of a disabled node through as output 0, even for an IF', async () => {
    const t = await run(chain(['IF', 'test.if', { disabled: true, parameters: { key: 'x', value: 'never' } }]), { triggerItems: [{ json: { x: 1 } }, { json: { x: 2 } }] });
    expect(t.json('IF')).toEqual([[{ x: 1 }, { x: 2 }]]);
    expect(t.order).toEqual(['Start', 'IF', 'After']);
  });

  it('gives executeOnce nodes only the first item', async () => {
    const t = await run(chain(['Once', 'test.pass', { executeOnce: true }]), { triggerItems: [{ json: { a: 1 } }, { json: { a: 2 } }] });
    expect(t.json('Once')).toEqual([[{ a: 1 }]]);
  });

  it('emits one empty item paired with every input for alwaysOutputData', async () => {
    const t = await run(chain(['Empty', 'test.empty', { alwaysOutputData: true }]), { triggerItems: [{ json: {} }, { json: {} }] });
    const task = t.result.data.resultData.runData.Empty[0];
    expect(task.data?.main).toEqual([[{ json: {}, pairedItem: [{ item: 0, input: 0 }, { item: 1, input: 0 }] }]]);
    expect(t.order).toEqual(['Start', 'Empty', 'After']);
  });

  it('ends the branch without a run entry when a node returns null', async () => {
    const t = await run(chain(['Nothing', 'test.null']));
    expect(t.order).toEqual(['Start']);
    expect(t.result.data.resultData.runData.Nothing).toBeUndefined();
    expect(t.result.data.resultData.lastNodeExecuted).toBe('Nothing');
    expect(t.events.map((e) => e.type)).toContain('NodeReturnedNoData');
  });

  it('ends the branch after an empty output (v1) but records the run', async () => {
    const t = await run(chain(['Empty', 'test.empty']));
    expect(t.order).toEqual(['Start', 'Empty']);
    expect(t.result.data.resultData.runData.Empty[0].data?.main).toEqual([[]]);
  });

  it('pairs output items automatically when it is certain', async () => {
    const one = await run(chain(['Set', 'test.set', { parameters: { values: { b: 1 } } }]));
    expect(one.result.data.resultData.runData.Set[0].data?.main[0]).toEqual([{ json: { b: 1 }, pairedItem: { item: 0 } }]);
    const two = await run(chain(['Set', 'test.set']), { triggerItems: [{ json: { a: 1 } }, { json: { a: 2 } }] });
    expect(two.result.data.resultData.runData.Set[0].data?.main[0]?.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
  });

  it('re-stamps input pairing and runs a node once per arrival (runIndex 0 and 1)', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['A', 'test.pass', [200, 0]], ['B', 'test.pass', [200, 200]], ['C', 'test.pass', [400, 100]]],
      [['Start', 'A'], ['Start', 'B'], ['A', 'C'], ['B', 'C']],
    );
    const t = await run(def);
    expect(t.order).toEqual(['Start', 'A', 'C', 'B', 'C']);
    const c = t.result.data.resultData.runData.C;
    expect(c.map((task) => task.source)).toEqual([[{ previousNode: 'A' }], [{ previousNode: 'B' }]]);
    expect(c.map((task) => task.executionIndex)).toEqual([2, 4]);
    expect(c[1].data?.main[0]).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
  });

  it('records previousNodeRun for data coming from a later run', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['Count', 'test.counter', [200, 0]], ['IF', 'test.if', [400, 0], { parameters: { key: 'counter', op: 'lt', value: 2 } }], ['Done', 'test.pass', [600, 0]]],
      [['Start', 'Count'], ['Count', 'IF'], ['IF', 'Count', 0], ['IF', 'Done', 1]],
    );
    const t = await run(def);
    expect(t.order).toEqual(['Start', 'Count', 'IF', 'Count', 'IF', 'Done']);
    expect(t.result.data.resultData.runData.Done[0].source).toEqual([{ previousNode: 'IF', previousNodeOutput: 1, previousNodeRun: 1 }]);
  });
});

describe('pinned data', () => {
  const def = () => ({ ...chain(['Source', 'test.set', { parameters: { values: { real: true } } }]), pinData: { Source: [{ pinned: 1 }, { json: { pinned: 2 } }] } });

  it('replaces the node’s output in manual runs, wrapping bare items', async () => {
    const t = await run(def());
    expect(t.json('Source')).toEqual([[{ pinned: 1 }, { pinned: 2 }]]);
    expect(t.json('After')).toEqual([[{ pinned: 1 }, { pinned: 2 }]]);
    expect(t.result.data.resultData.pinData?.Source).toHaveLength(2);
  });

  it('is ignored outside manual runs', async () => {
    const t = await run(def(), { mode: 'trigger' });
    expect(t.json('Source')).toEqual([[{ real: true }]]);
    expect(t.result.data.resultData.pinData).toBeUndefined();
  });
});

describe('retries', () => {
  it('retries with one event per failed try, then succeeds', async () => {
    const t = await run(chain(['Flaky', 'test.flaky', { retryOnFail: true, maxTries: 3, waitBetweenTries: 1, parameters: { failTimes: 2 } }]));
    expect(t.result.status).toBe('success');
    expect(t.json('Flaky')).toEqual([[{ calls: 3 }]]);
    const attempts = t.events.filter((e) => e.type === 'NodeAttemptFailed').map((e) => e.data);
    expect(attempts).toMatchObject([{ node: 'Flaky', attempt: 1, error: { message: 'failure 1' } }, { attempt: 2, error: { message: 'failure 2' } }]);
  });

  it('clamps maxTries to 5 and fails with the last error', async () => {
    const t = await run(chain(['Flaky', 'test.flaky', { retryOnFail: true, maxTries: 9, waitBetweenTries: 1, parameters: { failTimes: 99 } }]));
    expect(t.result.status).toBe('error');
    expect(t.events.filter((e) => e.type === 'NodeAttemptFailed')).toHaveLength(4);
    expect(t.result.data.resultData.error?.message).toBe('failure 5');
  });
});

describe('onError', () => {
  it('stops the workflow by default, recording the failed task', async () => {
    const t = await run(chain(['Broken', 'test.throw']));
    expect(t.result.status).toBe('error');
    expect(t.order).toEqual(['Start', 'Broken']);
    const task = t.result.data.resultData.runData.Broken[0];
    expect(task.executionStatus).toBe('error');
    expect(task.data).toBeUndefined();
    expect(task.error).toMatchObject({ message: 'It broke', description: 'on purpose', node: 'Broken' });
    expect(t.result.data.resultData.error).toMatchObject({ message: 'It broke' });
    expect(t.result.data.resultData.lastNodeExecuted).toBe('Broken');
  });

  it.each([{ onError: 'continueRegularOutput' }, { onError: 'continueErrorOutput' }, { continueOnFail: true }])('passes the input on as output 0 with %o', async (setting) => {
    const t = await run(chain(['Broken', 'test.throw', setting]), { triggerItems: [{ json: { a: 1 } }] });
    expect(t.result.status).toBe('success');
    const task = t.result.data.resultData.runData.Broken[0];
    expect(task.executionStatus).toBe('error');
    expect(task.error?.message).toBe('It broke');
    expect(task.data?.main).toEqual([[{ json: { a: 1 }, pairedItem: { item: 0 } }]]);
    expect(t.json('After')).toEqual([[{ a: 1 }]]);
  });

  it('routes failed items to the error output, enriched with their input item', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['Items', 'test.itemErrors', [200, 0], { onError: 'continueErrorOutput' }], ['Ok', 'test.pass', [400, 0]], ['Failed', 'test.pass', [400, 200]]],
      [['Start', 'Items'], ['Items', 'Ok', 0], ['Items', 'Failed', 1]],
    );
    const t = await run(def, { triggerItems: [{ json: { n: 1 } }, { json: { n: 2, bad: true } }] });
    expect(t.json('Items', 0)).toEqual([[{ ok: true }]]);
    expect(t.json('Items', 1)).toEqual([[{ n: 2, bad: true, error: 'bad item 1' }]]);
    expect(t.order).toEqual(['Start', 'Items', 'Ok', 'Failed']);
  });
});
