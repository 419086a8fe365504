import { describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const saveNode = (values: Array<{ key: string; value: string }>) => ({
  name: 'Execution Data', type: 'n8n-nodes-base.executionData', typeVersion: 1, parameters: { dataToSave: { values } },
});

describe('Execution Data', () => {
  it('records the values as the run metadata and passes the items through', async () => {
    const result = await runChain([saveNode([{ key: 'a', value: '={{ $json.n * 2 }}' }, { key: 'quote', value: 'say "hi" \\ {x}' }])], { items: [{ json: { n: 21 } }] });
    expect(result.data.resultData.error).toBeUndefined();
    expect(result.data.resultData.metadata).toEqual({ a: '42', quote: 'say "hi" \\ {x}' });
    expect(outputOf(result, 'Execution Data')).toEqual([expect.objectContaining({ json: { n: 21 } })]);
  });

  it('refuses a key with characters outside A-Za-z0-9_ in a manual run, as n8n does', async () => {
    const result = await runChain([saveNode([{ key: 'bad key', value: 'x' }])], { items: [{ json: {} }] });
    expect(String(result.data.resultData.error?.message)).toMatch(/A-Za-z0-9_/);
  });
});
