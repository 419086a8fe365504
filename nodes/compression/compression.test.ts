import { gunzipSync, gzipSync, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Item } from '../../engine/index.ts';
import { outputOf, runChain } from '../n8n-api/test-support.ts';

const file = (text: string, fileName: string, mimeType = 'text/plain') => ({
  data: Buffer.from(text).toString('base64'), mimeType, fileName, fileExtension: fileName.split('.').pop(),
});
const bytes = (item: Item, property: string) => Buffer.from(item.binary![property].data, 'base64');

async function compression(parameters: Record<string, unknown>, items: Item[], typeVersion = 1.1, continueOnFail = false) {
  const result = await runChain([{ name: 'C', type: 'n8n-nodes-base.compression', typeVersion, parameters, continueOnFail }], { items });
  return { result, items: outputOf(result, 'C') };
}

const two: Item = { json: { id: 1 }, binary: { data: file('hello', 'a.txt'), data2: file('{"x":1}', 'b.json', 'application/json') } };

describe('compression', () => {
  it('zips several binary properties into one archive fflate (and any unzip) reads back', async () => {
    const { items } = await compression({ operation: 'compress', binaryPropertyName: 'data, data2', fileName: 'out.zip', binaryPropertyOutput: 'archive' }, [two]);
    expect(items[0].json).toEqual({ id: 1 });
    expect(items[0].binary!.archive).toMatchObject({ fileName: 'out.zip', fileExtension: 'zip', mimeType: 'application/zip' });
    const entries = unzipSync(bytes(items[0], 'archive'));
    expect(Object.keys(entries).sort()).toEqual(['a.txt', 'b.json']);
    expect(Buffer.from(entries['a.txt']).toString()).toBe('hello');
  });

  it('unzips into file_0, file_1 with names and MIME types, skipping __MACOSX copies and folders', async () => {
    const zip = Buffer.from(zipSync({ 'dir/': {}, 'dir/c.csv': Buffer.from('a,b\n1,2'), 'd.txt': Buffer.from('dee'), '__MACOSX/._d.txt': Buffer.from('junk') }));
    const { items } = await compression({ operation: 'decompress' }, [{ json: {}, binary: { data: { data: zip.toString('base64'), mimeType: 'application/zip', fileName: 'x.zip', fileExtension: 'zip' } } }]);
    const binary = items[0].binary!;
    expect(Object.keys(binary)).toEqual(['file_0', 'file_1']);
    expect(binary.file_0).toMatchObject({ fileName: 'dir/c.csv', mimeType: 'text/csv', fileExtension: 'csv' });
    expect(bytes(items[0], 'file_1').toString()).toBe('dee');
  });

  it('v1.1 gzips each property to <name>.<ext>.gz in data, data1', async () => {
    const { items } = await compression({ operation: 'compress', outputFormat: 'gzip', binaryPropertyName: 'data,data2' }, [two]);
    expect(items[0].binary!.data).toMatchObject({ fileName: 'a.txt.gz', mimeType: 'application/gzip' });
    expect(items[0].binary!.data1.fileName).toBe('b.json.gz');
    expect(Buffer.from(gunzipSync(bytes(items[0], 'data1'))).toString()).toBe('{"x":1}');
  });

  it('v1 gzips to <prefix><index> named <name>.gzip, and v1 needs an output format', async () => {
    const { items } = await compression({ operation: 'compress', outputFormat: 'gzip', outputPrefix: 'gz_' }, [two], 1);
    expect(items[0].binary!.gz_0.fileName).toBe('a.gzip');
    const { result } = await compression({ operation: 'compress' }, [two], 1);
    expect(result.data.resultData.error?.message).toBe('Choose an output format: zip or gzip');
  });

  it('gunzips data.json.gz to data.json, and a bare .gz by its content', async () => {
    const gz = (text: string, fileName: string) => ({ data: Buffer.from(gzipSync(Buffer.from(text))).toString('base64'), mimeType: 'application/gzip', fileName, fileExtension: fileName.split('.').pop() });
    const { items } = await compression({ operation: 'decompress', binaryPropertyName: 'a,b', outputPrefix: 'out' }, [{ json: {}, binary: { a: gz('[1]', 'data.json.gz'), b: gz('plain', 'notes.gz') } }]);
    expect(items[0].binary!.out0).toMatchObject({ fileName: 'data.json', mimeType: 'application/json' });
    expect(items[0].binary!.out1).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
    expect(bytes(items[0], 'out0').toString()).toBe('[1]');
  });

  it('fails clearly on a corrupt archive, a non-archive and a missing property; continueOnFail keeps going', async () => {
    const corrupt = { json: {}, binary: { data: { data: Buffer.from('PK\u0003\u0004garbage').toString('base64'), mimeType: 'application/zip', fileName: 'bad.zip', fileExtension: 'zip' } } };
    const bad = await compression({ operation: 'decompress' }, [corrupt]);
    expect(bad.result.data.resultData.error?.message).toMatch(/^Could not decompress the file: /);
    const plain = await compression({ operation: 'decompress' }, [{ json: {}, binary: { data: file('hi', 'a.txt') } }]);
    expect(plain.result.data.resultData.error?.message).toBe("The file in 'data' is neither a zip nor a gzip archive");
    const { items } = await compression({ operation: 'compress', fileName: 'x.zip' }, [{ json: { n: 1 } }, two], 1.1, true);
    expect(items[0]).toEqual({ json: { error: 'No binary data exists on item!' }, pairedItem: { item: 0 } });
    expect(items[1].binary!.data.fileName).toBe('x.zip');
  });
});
