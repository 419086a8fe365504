import { describe, expect, it } from 'vitest';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const node = (parameters: Record<string, unknown>, continueOnFail = false) => ({ name: 'X', type: 'n8n-nodes-base.htmlExtract', typeVersion: 1, parameters, continueOnFail });
const values = { values: [{ key: 'h', cssSelector: 'h2' }] };

describe('HTML Extract', () => {
  it('reads a binary file and keeps spaces when trimValues is false', async () => {
    const items = [{ json: {}, binary: { page: { data: Buffer.from('<h2> Hi </h2>').toString('base64'), mimeType: 'text/html' } } }];
    const result = await runChain([node({ sourceData: 'binary', dataPropertyName: 'page', extractionValues: values, options: { trimValues: false } })], { items });
    expect(outputOf(result, 'X')).toEqual([{ json: { h: ' Hi ' }, pairedItem: { item: 0 } }]);
  });

  it('names the missing property, or puts it on the item with continue on fail', async () => {
    const items = [{ json: { other: '' } }, { json: { data: '<h2>ok</h2>' } }];
    const failed = await runChain([node({ extractionValues: values })], { items });
    expect(failed.data.resultData.error?.message).toBe('No property named "data" exists!');
    const kept = await runChain([node({ extractionValues: values }, true)], { items });
    expect(outputOf(kept, 'X')).toEqual([
      { json: { error: 'No property named "data" exists!' }, pairedItem: { item: 0 } },
      { json: { h: 'ok' }, pairedItem: { item: 1 } },
    ]);
  });
});
