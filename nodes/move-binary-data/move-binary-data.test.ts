import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const node = (typeVersion: number, parameters: Record<string, unknown>) => ({ name: 'Move', type: 'n8n-nodes-base.moveBinaryData', typeVersion, parameters });
const binaryOf = (text: string, mimeType = 'text/plain') => ({ data: Buffer.from(text).toString('base64'), mimeType });

describe('Convert to/from binary data', () => {
  it('writes one raw string key as a named text file (v1.1) and keeps the source when asked', async () => {
    const result = await runChain([node(1.1, { mode: 'jsonToBinary', convertAllData: false, sourceKey: 'text', options: { useRawData: true, keepSource: true } })], { items: [{ json: { text: 'héllo' } }] });
    const [item] = outputOf(result, 'Move');
    expect(item.json).toEqual({ text: 'héllo' });
    expect(Buffer.from(item.binary!.data.data, 'base64').toString('utf8')).toBe('héllo');
    expect(item.binary!.data).toMatchObject({ mimeType: 'text/plain', fileName: 'file.txt', fileExtension: 'txt' });
  });

  it('v1 without a MIME type or name gives application/json and no file name', async () => {
    const result = await runChain([node(1, { mode: 'jsonToBinary', options: { fileName: '' } })], { items: [{ json: { a: 1 } }] });
    const [item] = outputOf(result, 'Move');
    expect(item.binary!.data).toMatchObject({ mimeType: 'application/json', fileExtension: 'json' });
    expect(item.binary!.data.fileName).toBeUndefined();
    expect(Buffer.from(item.binary!.data.data, 'base64').toString()).toBe('{"a":1}');
  });

  it('reads a file into a key as base64 or text, strips the BOM, and skips items without the file', async () => {
    const bom = { data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('abc')]).toString('base64'), mimeType: 'text/plain' };
    const items: Item[] = [{ json: { keep: 1 }, binary: { data: bom } }, { json: { none: true } }, { json: {}, binary: { data: binaryOf('xyz'), other: binaryOf('o') } }];
    const text = outputOf(await runChain([node(1, { setAllData: false, destinationKey: 'out' })], { items }), 'Move');
    expect(text.map((i) => i.json)).toEqual([{ keep: 1, out: 'abc' }, { out: 'xyz' }]);
    expect(text.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
    expect(Object.keys(text[1].binary ?? {})).toEqual(['other']);
    const b64 = outputOf(await runChain([node(1, { setAllData: false, options: { keepAsBase64: true } })], { items: [items[2]] }), 'Move');
    expect(b64[0].json).toEqual({ data: Buffer.from('xyz').toString('base64') });
  });

  it('fails on a file that is not JSON with setAllData, or puts the error on the item with continue on fail', async () => {
    const items = [{ json: {}, binary: { data: binaryOf('not json') } }];
    const failed = await runChain([node(1, {})], { items });
    expect(String(failed.data.resultData.error?.message)).toMatch(/not valid JSON/);
    const kept = await runChain([{ ...node(1, {}), continueOnFail: true }], { items });
    expect(outputOf(kept, 'Move')[0].json.error).toMatch(/not valid JSON/);
  });
});
