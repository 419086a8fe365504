import { describe, expect, it } from 'vitest';
import { run, testNodeTypes, workflow } from './test-support.ts';

const single = (name: string, type: string, extra: Record<string, unknown> = {}) =>
  workflow([['Start', 'n8n-nodes-base.manualTrigger'], [name, type, [200, 0], extra]], [['Start', name]]);

describe('edge cases', () => {
  it('counts an error on the first output item as a failed try when retrying', async () => {
    const def = single('Items', 'test.itemErrors', { retryOnFail: true, maxTries: 2, waitBetweenTries: 1, onError: 'continueRegularOutput' });
    const t = await run(def, { triggerItems: [{ json: { bad: true } }] });
    expect(t.events.filter((e) => e.type === 'NodeAttemptFailed').map((e) => e.data)).toMatchObject([{ attempt: 1, error: { message: 'bad item 0' } }]);
    // The last try's output is kept as it is: the node continued on fail itself.
    expect(t.json('Items')).toEqual([[{ error: 'bad item 0' }]]);
    expect(t.result.data.resultData.runData.Items[0].executionStatus).toBe('success');
  });

  it('reads dotted parameters with defaults, and fails clearly on unknown ones', async () => {
    const read = (path: string, fallback?: unknown) => run(single('Read', 'test.read', { parameters: { path, fallback, options: { deep: true } } }));
    expect((await read('options.deep')).json('Read')).toEqual([[{ value: true }]]);
    expect((await read('options.other', 'fb')).json('Read')).toEqual([[{ value: 'fb' }]]);
    const missing = await read('nope');
    expect(missing.result.status).toBe('error');
    expect(missing.result.data.resultData.error).toMatchObject({ message: 'Could not get parameter', node: 'Read' });
  });

  it('stops a run that exceeds settings.executionTimeout', async () => {
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Hang', 'test.hang', [200, 0]]], [['Start', 'Hang']], { executionOrder: 'v1', executionTimeout: 0.02 });
    const t = await run(def);
    expect(t.result.status).toBe('canceled');
    expect(t.result.data.resultData.error?.message).toBe('The execution was cancelled because it timed out');
  });

  it('does not queue a child on an empty output in v0 when it feeds input 0', async () => {
    const def = workflow([['Start', 'n8n-nodes-base.manualTrigger'], ['Empty', 'test.empty', [200, 0]], ['After', 'test.pass', [400, 0]]], [['Start', 'Empty'], ['Empty', 'After']], {});
    expect((await run(def)).order).toEqual(['Start', 'Empty']);
  });

  it('routes an error item without lineage to the error output as it is', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['Fail', 'test.set', [200, 0], { onError: 'continueErrorOutput', parameters: { values: { error: 'boom' } } }], ['Err', 'test.pass', [400, 200]]],
      [['Start', 'Fail'], ['Fail', 'Err', 1]],
    );
    // Set keeps the input's fields, so {error} alone only happens with an empty input item.
    const t = await run(def);
    expect(t.json('Fail', 1)).toEqual([[{ error: 'boom' }]]);
    expect(t.order).toEqual(['Start', 'Fail', 'Err']);
  });

  it('rejects malformed node output as a node error', async () => {
    const types = testNodeTypes();
    const bad = { ...types['test.pass'], execute: async () => ({ oops: true }) as never };
    const t = await run(single('Bad', 'test.pass'), { nodeTypes: (type) => (type === 'test.pass' ? bad : types[type]) });
    expect(t.result.status).toBe('error');
    expect(t.result.data.resultData.runData.Bad[0].error?.message).toBe('Node "Bad" returned invalid output');
  });

  it('keeps node context for the whole execution, and tells a node its input source', async () => {
    const def = workflow(
      [['Start', 'n8n-nodes-base.manualTrigger'], ['Visit', 'test.visits', [200, 0]], ['IF', 'test.if', [400, 0], { parameters: { key: 'visits', op: 'lt', value: 3 } }]],
      [['Start', 'Visit'], ['Visit', 'IF'], ['IF', 'Visit', 0]],
    );
    const t = await run(def);
    expect(t.json('Visit')).toEqual([[{ visits: 1, from: 'Start' }], [{ visits: 2, from: 'IF' }], [{ visits: 3, from: 'IF' }]]);
    // A new execution starts with a fresh context.
    expect((await run(def)).json('Visit')[0]).toEqual([{ visits: 1, from: 'Start' }]);
  });
});
